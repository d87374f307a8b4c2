package de.lagebild.media.platform;

import de.lagebild.common.testing.PlatformEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {

    PlatformEndpointsTest() {
        super("Lagebild media", "S3 bucket");
    }
}
