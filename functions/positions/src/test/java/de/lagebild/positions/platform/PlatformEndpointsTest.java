package de.lagebild.positions.platform;

import de.lagebild.common.testing.PlatformEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {

    PlatformEndpointsTest() {
        super("Lagebild positions");
    }

    @Override
    protected String officersOnlyPath() {
        return "/v1/positions/sharing";
    }
}
