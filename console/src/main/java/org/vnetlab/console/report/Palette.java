package org.vnetlab.console.report;

import java.awt.Color;
import java.util.List;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Colours and markers: a colour per platform or per guest/domain, a marker per protocol. */
final class Palette {

    /** Colours in the order guests and domains take them (the first three are the platforms'). */
    static final List<Color> COLORS = List.of(
            new Color(0x1f, 0x77, 0xb4), new Color(0xd6, 0x27, 0x28), new Color(0x2c, 0xa0, 0x2c),
            new Color(0xff, 0x7f, 0x0e), new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b),
            new Color(0xe3, 0x77, 0xc2), new Color(0x17, 0xbe, 0xcf), new Color(0xbc, 0xbd, 0x22));
    static final Color COMPUTED = new Color(0x70, 0x70, 0x70);

    private Palette() {
    }

    static Color platform(String platform) {
        return switch (platform) {
            case "native" -> COLORS.get(0);
            case "xen" -> COLORS.get(1);
            case "vserver" -> COLORS.get(2);
            case "container" -> COLORS.get(3);
            case "kvm" -> COLORS.get(5);
            default -> COLORS.get(4);
        };
    }

    static Color indexed(int i) {
        return COLORS.get(i % COLORS.size());
    }

    static Marker protocol(String protocol) {
        return protocol.equals("ipv6") ? SeriesMarkers.SQUARE : SeriesMarkers.CIRCLE;
    }
}
