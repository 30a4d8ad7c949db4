package io.practicalsystems.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackendModeTest {

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "Apache Derby|jdbc:derby:/srv/wlp/usr/servers/practical/data/derby/practical|embedded",
        "Apache Derby|jdbc:derby://db.internal:1527/practical|external",
        "MariaDB|jdbc:mariadb://127.0.0.1:3306/test|external",
        "MySQL|jdbc:mysql://db:3306/practical|external",
        "|jdbc:derby:/data/practical|external"})
    void aSqlDatabaseIsEmbeddedOnlyWhenItIsDerbyInThisJvm(String product, String url, String mode) {
        assertThat(BackendMode.ofSqlDatabase(product, url).label()).isEqualTo(mode);
    }
}
