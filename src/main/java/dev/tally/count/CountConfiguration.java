package dev.tally.count;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CountConfiguration {

    @Bean
    WordCounter wordCounter() {
        return new WordCounter();
    }
}
