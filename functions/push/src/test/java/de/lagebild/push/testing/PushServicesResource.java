package de.lagebild.push.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the loopback push service and gateway before the function, so that its configuration can
 * name the gateway's address. The tests reach both through the static accessors.
 */
public class PushServicesResource implements QuarkusTestResourceLifecycleManager {

    /** The test profile's VAPID key pair (application.properties). */
    public static final String VAPID_PUBLIC_KEY =
            "BLuD5sGPX0fbepn43ZReiOw0lE-1xXjVF-jXRaCp3DQic50d5XtWkowrxNHPMx6OJAB6X4rCFEQhuxAQvz5jpg0";
    public static final String VAPID_PRIVATE_KEY = "q1s52v9fbP7pRVcUq_0ztJUOB2BrNEaGbCyjcWfahcE";

    private static LocalPushService pushService;
    private static LocalGateway gateway;

    public static LocalPushService pushService() {
        return pushService;
    }

    public static LocalGateway gateway() {
        return gateway;
    }

    /**
     * What a packaged push function needs beyond the prod profile to send to the loopback push service: the
     * test profile's key pair and plain HTTP to 127.0.0.1 (PushFunctionIT through this resource, SenderKillIT).
     */
    public static Map<String, String> packagedFunctionSettings() {
        return Map.of("lagebild.push.vapid.public-key", VAPID_PUBLIC_KEY,
                "lagebild.push.vapid.private-key", VAPID_PRIVATE_KEY,
                "lagebild.push.web-push.endpoint-hosts", "127.0.0.1",
                "lagebild.push.web-push.allow-http", "true");
    }

    @Override
    public Map<String, String> start() {
        pushService = new LocalPushService(VAPID_PUBLIC_KEY);
        gateway = new LocalGateway();
        Map<String, String> settings = new HashMap<>(packagedFunctionSettings());
        settings.put("lagebild.push.gateway.apps", LocalGateway.APP_ID + "=" + gateway.notifyUrl());
        return settings;
    }

    @Override
    public void stop() {
        pushService.close();
        gateway.close();
    }
}
