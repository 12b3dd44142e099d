package dev.duijie;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** duijie (对接): talent and financing matchmaking for a county economy. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DuijieApplication {

    public static void main(String[] args) {
        SpringApplication.run(DuijieApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
