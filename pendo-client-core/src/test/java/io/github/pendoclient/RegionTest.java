package io.github.pendoclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionTest {

    @ParameterizedTest
    @CsvSource({
        "US, https://app.pendo.io, https://data.pendo.io",
        "US1, https://us1.app.pendo.io, https://us1.data.pendo.io",
        "EU, https://app.eu.pendo.io, https://data.eu.pendo.io",
        "JAPAN, https://app.jpn.pendo.io, https://data.jpn.pendo.io",
        "AUSTRALIA, https://app.au.pendo.io, https://data.au.pendo.io"
    })
    void eachRegionKnowsItsApiAndDataHosts(Region region, String api, String data) {
        assertThat(region.apiBaseUrl()).hasToString(api);
        assertThat(region.dataBaseUrl()).hasToString(data);
    }

    @ParameterizedTest
    @CsvSource({
        "eu, EU",
        "EU, EU",
        " Europe , EU",
        "app.eu.pendo.io, EU",
        "https://app.eu.pendo.io/, EU",
        "us, US",
        "US, US",
        "default, US",
        "us1, US1",
        "US-1, US1",
        "us_1, US1",
        "jp, JAPAN",
        "jpn, JAPAN",
        "Japan, JAPAN",
        "au, AUSTRALIA",
        "aus, AUSTRALIA",
        "australia, AUSTRALIA"
    })
    void parseAcceptsWhatPeopleType(String text, Region expected) {
        assertThat(Region.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"mars", "us2", "e u"})
    void parseRejectsUnknownNamesListingTheValidOnes(String text) {
        assertThatThrownBy(() -> Region.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown Pendo region '" + text + "'")
                .hasMessageContaining("US, US1, EU, JAPAN, AUSTRALIA");
    }

    @org.junit.jupiter.api.Test
    void parseRejectsBlank() {
        assertThatThrownBy(() -> Region.parse("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("valid values");
    }
}
