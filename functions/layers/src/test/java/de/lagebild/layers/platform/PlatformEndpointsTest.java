package de.lagebild.layers.platform;

import de.lagebild.common.testing.PlatformEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {

    PlatformEndpointsTest() {
        super("Lagebild layers");
    }

    @Override
    protected String officersOnlyPath() {
        return "/v1/layers";
    }
}
