package org.vnetlab.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vnetlab.core.model.Container;
import org.vnetlab.core.model.ContainerPlatform;
import org.vnetlab.core.model.KvmGuest;
import org.vnetlab.core.model.KvmPlatform;
import org.vnetlab.core.model.DomU;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.VServerContext;
import org.vnetlab.core.model.VServerPlatform;
import org.vnetlab.core.model.XenPlatform;
import org.vnetlab.core.net.IpAddress;

/**
 * A scenario as loaded: the model, the merged configuration it came from and where it came
 * from (bundled name or file, parameter file).
 *
 * @param source     the bundled name or the file it was read from
 * @param parameters the parameter file given with --params, or {@code defaults}
 */
public record LoadedScenario(Scenario scenario, Config config, String source, String parameters) {

    /** The complete scenario as HOCON: every key resolved, generated guests written out. */
    public String render() {
        // the chosen variant is merged in already: the text is that variant, and chooses none
        Config c = config.withoutPath("variants").withoutPath("extends")
                .withValue("variant-by", ConfigValueFactory.fromAnyRef(""));
        String platform = scenario.platform().kind();
        for (String other : List.of("native", "xen", "vserver", "container", "kvm")) {
            if (!other.equals(platform)) {
                c = c.withoutPath(other);
            }
        }
        if (scenario.platform() instanceof XenPlatform x) {
            List<Object> guests = new ArrayList<>();
            for (DomU d : x.domUs()) {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("name", d.name());
                g.put("mac", d.vif().mac().toString());
                g.put("addresses", addresses(d.vif().addresses()));
                g.put("vcpus", d.vcpus());
                g.put("memory", d.memory().toString());
                g.put("weight", d.weight());
                g.put("cap", d.cap());
                g.put("pinned", d.pinned());
                guests.add(g);
            }
            c = c.withValue("xen.domUs", ConfigValueFactory.fromIterable(guests));
        } else if (scenario.platform() instanceof VServerPlatform v) {
            List<Object> contexts = new ArrayList<>();
            for (VServerContext ctx : v.contexts()) {
                contexts.add(Map.of("name", ctx.name(), "addresses", addresses(ctx.addresses())));
            }
            c = c.withValue("vserver.contexts", ConfigValueFactory.fromIterable(contexts));
        } else if (scenario.platform() instanceof ContainerPlatform cp) {
            List<Object> containers = new ArrayList<>();
            for (Container ct : cp.containers()) {
                containers.add(Map.of("name", ct.name(), "addresses", addresses(ct.addresses())));
            }
            c = c.withValue("container.guests", ConfigValueFactory.fromIterable(containers));
        } else if (scenario.platform() instanceof KvmPlatform kp) {
            List<Object> guests = new ArrayList<>();
            for (KvmGuest g : kp.guests()) {
                guests.add(Map.of("name", g.name(), "addresses", addresses(g.addresses())));
            }
            c = c.withValue("kvm.guests", ConfigValueFactory.fromIterable(guests));
        }
        ConfigRenderOptions options = ConfigRenderOptions.defaults().setOriginComments(false).setJson(false)
                .setComments(true).setFormatted(true);
        return "# scenario " + scenario.name() + " (from " + source + ", parameters: " + parameters + ")\n"
                + c.root().render(options);
    }

    private static List<String> addresses(List<IpAddress> list) {
        return list.stream().map(IpAddress::toString).toList();
    }
}
