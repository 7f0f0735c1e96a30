package dev.llamatrace.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The llamatrace demo: an offline question-answering service instrumented end to end. */
@SpringBootApplication
public class DemoApplication {

    /**
     * Starts the demo.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(DemoApplication.class, args);
    }
}
