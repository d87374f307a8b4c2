package de.lagebild.push.platform;

import de.lagebild.common.testing.PlatformEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {

    PlatformEndpointsTest() {
        super("Lagebild push");
    }

    @Override
    protected String officersOnlyPath() {
        return "/v1/push/devices";
    }
}
