"""WGS-84 to GCJ-02 for map links in mainland China, and the QR codes that carry them."""

from __future__ import annotations

import math

from tourplanner.china_coordinates import gcj02_to_wgs84, is_mainland_china, wgs84_to_gcj02
from tourplanner.export.pdf.blocks import map_link
from tourplanner.services.views import VenueView


def metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat = math.radians((a[0] + b[0]) / 2)
    dy = (a[0] - b[0]) * 111_320
    dx = (a[1] - b[1]) * 111_320 * math.cos(lat)
    return math.hypot(dx, dy)


def test_tiananmen_moves_to_where_chinese_maps_draw_it() -> None:
    # The published GCJ-02 of the WGS-84 point at Tiananmen: 39.910094, 116.403719.
    gcj = wgs84_to_gcj02(39.908692, 116.397477)
    assert metres(gcj, (39.910094, 116.403719)) < 2
    # The offset itself is what makes a WGS-84 pin land beside the building.
    assert 100 < metres(gcj, (39.908692, 116.397477)) < 700


def test_the_inverse_comes_back_within_a_metre() -> None:
    for point in ((22.5347, 114.0587), (31.2304, 121.4737), (45.75, 126.65)):
        assert metres(gcj02_to_wgs84(*wgs84_to_gcj02(*point)), point) < 1


def test_only_mainland_china_is_converted() -> None:
    assert is_mainland_china("China") and is_mainland_china("CN")
    assert not is_mainland_china("Hong Kong") and not is_mainland_china("United States")
    venue = VenueView(
        1, "Hotel", "酒店", "", "", "Shenzhen", "China", "Asia/Shanghai", 22.5347, 114.0587
    )
    link = map_link(venue)
    lat, lon = wgs84_to_gcj02(22.5347, 114.0587)
    assert link.startswith("https://uri.amap.com/marker?") and f"{lon:.6f},{lat:.6f}" in link
    assert "name=%E9%85%92%E5%BA%97" in link  # the place is named, not bare coordinates
    abroad = VenueView(
        2, "ICMA", "", "", "", "Washington", "United States", "America/New_York", 38.9, -77.03
    )
    assert map_link(abroad) == "geo:38.900000,-77.030000?q=38.900000,-77.030000(ICMA)"
