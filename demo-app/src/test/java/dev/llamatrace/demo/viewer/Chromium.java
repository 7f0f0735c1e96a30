package dev.llamatrace.demo.viewer;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the system's packages (Debian's {@code chromium} and {@code chromium-driver}), driven through
 * its chromedriver, with a fresh profile. Both paths are given to Selenium, so it never looks for or downloads a
 * browser or a driver.
 *
 * <p>When they are missing the tests fail on CI (the {@code CI} environment variable is set, and {@code .ci/run}
 * installs them) or with {@code -Dbrowser-tests=required}; elsewhere they are skipped with the command that installs
 * them, so that {@code ./mvnw verify} passes on a machine with only a JDK.
 */
final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

    static final Path DRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    /** Where screenshots go, a test artifact of the build. */
    static final Path SCREENSHOTS = Path.of("target", "trace-viewer");

    private final Path profile;

    private final ChromeDriver driver;

    private Chromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    static Chromium start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("llamatrace-chromium-");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Chromium(profile, new ChromeDriver(service, options));
    }

    /** Skips or fails (on CI, or with {@code -Dbrowser-tests=required}) when Chromium or its driver is missing. */
    static void requireInstalled() {
        if (Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)) {
            return;
        }
        String missing = "The trace viewer's browser tests need " + BINARY + " and " + DRIVER
                + " (apt-get install -y chromium chromium-driver; other paths with -Dchromium.binary and"
                + " -Dchromedriver.binary)";
        if (System.getenv("CI") != null || "required".equals(System.getProperty("browser-tests"))) {
            fail(missing + ". They are required on CI and with -Dbrowser-tests=required.");
        }
        Assumptions.abort(missing + ". Skipped because they are not installed.");
    }

    ChromeDriver driver() {
        return this.driver;
    }

    /**
     * Saves a screenshot of the window.
     *
     * @param name the file name without extension
     * @return the file
     */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        try {
            this.driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(this.profile)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach((file) -> file.toFile().delete());
            } catch (IOException ex) {
                // A profile left in the temporary directory is harmless.
            }
        }
    }
}
