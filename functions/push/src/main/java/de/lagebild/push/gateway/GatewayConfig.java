package de.lagebild.push.gateway;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** The push gateways of the native apps (the Matrix push gateway API, as Sygnal serves it). */
@ConfigMapping(prefix = "lagebild.push.gateway")
public interface GatewayConfig {

    /**
     * The apps, each {@code <app id>=<notify URL>}, for example
     * {@code de.polizei.lagebild.ios=http://sygnal.lagebild.svc:5000/_matrix/push/v1/notify}. An app id
     * is what the app registers its pushkey with and what the gateway's configuration names.
     */
    Optional<List<String>> apps();
}
