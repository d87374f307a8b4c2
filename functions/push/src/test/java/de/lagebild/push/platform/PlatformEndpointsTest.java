package de.lagebild.push.platform;

import de.lagebild.common.testing.PlatformEndpointsContract;
import de.lagebild.push.testing.PushServicesResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(PushServicesResource.class)
class PlatformEndpointsTest extends PlatformEndpointsContract {

    PlatformEndpointsTest() {
        super("Lagebild push");
    }

    @Override
    protected String officersOnlyPath() {
        return "/v1/push/devices";
    }
}
