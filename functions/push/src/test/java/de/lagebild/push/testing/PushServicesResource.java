package de.lagebild.push.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the loopback push service and gateway before the function, so that its configuration can
 * name the gateway's address. The tests reach both through the static accessors.
 */
public class PushServicesResource implements QuarkusTestResourceLifecycleManager {

    /** The test profile's VAPID public key (application.properties). */
    public static final String VAPID_PUBLIC_KEY =
            "BLuD5sGPX0fbepn43ZReiOw0lE-1xXjVF-jXRaCp3DQic50d5XtWkowrxNHPMx6OJAB6X4rCFEQhuxAQvz5jpg0";

    private static LocalPushService pushService;
    private static LocalGateway gateway;

    public static LocalPushService pushService() {
        return pushService;
    }

    public static LocalGateway gateway() {
        return gateway;
    }

    @Override
    public Map<String, String> start() {
        pushService = new LocalPushService(VAPID_PUBLIC_KEY);
        gateway = new LocalGateway();
        return Map.of("lagebild.push.gateway.apps", LocalGateway.APP_ID + "=" + gateway.notifyUrl());
    }

    @Override
    public void stop() {
        pushService.close();
        gateway.close();
    }
}
