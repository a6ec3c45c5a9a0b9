package dev.lectern.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class UserDirectoriesTest {
    private static Function<String, String> props(String os, String extraKey, String extraValue) {
        return k -> switch (k) {
            case "os.name" -> os;
            case "user.home" -> "/home/ann";
            default -> k.equals(extraKey) ? extraValue : null;
        };
    }

    @Test
    void environment_wins_over_property_which_wins_over_the_platform() {
        Function<String, String> p = props("Linux", "lectern.config.dir", "/prop/cfg");
        assertThat(new UserDirectories(Map.of("LECTERN_CONFIG_DIR", "/env/cfg"), p).configDir()).isEqualTo(Path.of("/env/cfg"));
        assertThat(new UserDirectories(Map.of(), p).configDir()).isEqualTo(Path.of("/prop/cfg"));
        assertThat(new UserDirectories(Map.of(), props("Linux", null, null)).configDir())
                .isEqualTo(Path.of("/home/ann/.config/lectern"));
    }

    @Test
    void linux_follows_xdg() {
        UserDirectories d = new UserDirectories(Map.of("XDG_CONFIG_HOME", "/x/config", "XDG_CACHE_HOME", "/x/cache",
                "XDG_DATA_HOME", "relative/is/ignored"), props("Linux", null, null));
        assertThat(d.configDir()).isEqualTo(Path.of("/x/config/lectern"));
        assertThat(d.cacheDir()).isEqualTo(Path.of("/x/cache/lectern"));
        assertThat(d.dataDir()).isEqualTo(Path.of("/home/ann/.local/share/lectern"));
    }

    @Test
    void mac_and_windows_use_their_own_places() {
        assertThat(new UserDirectories(Map.of(), props("Mac OS X", null, null)).configDir())
                .isEqualTo(Path.of("/home/ann/Library/Application Support/Lectern"));
        assertThat(new UserDirectories(Map.of("APPDATA", "/c/Users/ann/AppData/Roaming"), props("Windows 11", null, null))
                .configDir()).isEqualTo(Path.of("/c/Users/ann/AppData/Roaming/Lectern"));
        assertThat(new UserDirectories(Map.of("LECTERN_CACHE_DIR", "/tmp/c"), props("Windows 11", null, null)).cacheDir())
                .isEqualTo(Path.of("/tmp/c"));
    }
}
