"""WGS-84 to GCJ-02, the coordinates Chinese map apps (Amap, Tencent, Baidu's base) expect.

Maps in mainland China are drawn in GCJ-02, an obfuscated datum offset by 100-700 m from the
GPS (WGS-84) coordinates a plan stores; a WGS-84 pin opened in Amap lands beside the building.
This is the widely published public-domain conversion (as in `eviltransform` and `prcoords`,
neither installed here); the error of the forward conversion is under a metre.
"""

from __future__ import annotations

import math

_A = 6378245.0  # the Krasovsky 1940 ellipsoid's semi-major axis, which GCJ-02 uses
_EE = 0.00669342162296594323  # its first eccentricity squared

MAINLAND = frozenset({"china", "cn", "chn", "中国", "prc", "people's republic of china"})


def is_mainland_china(country: str) -> bool:
    """Whether a venue's country is mainland China (Hong Kong, Macau and Taiwan use WGS-84)."""
    return country.strip().casefold() in MAINLAND


def _lat_shift(x: float, y: float) -> float:
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return ret


def _lon_shift(x: float, y: float) -> float:
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return ret


def wgs84_to_gcj02(latitude: float, longitude: float) -> tuple[float, float]:
    """The GCJ-02 (latitude, longitude) of a WGS-84 point in mainland China."""
    x, y = longitude - 105.0, latitude - 35.0
    rad = latitude / 180.0 * math.pi
    magic = 1 - _EE * math.sin(rad) ** 2
    sqrt_magic = math.sqrt(magic)
    d_lat = (_lat_shift(x, y) * 180.0) / ((_A * (1 - _EE)) / (magic * sqrt_magic) * math.pi)
    d_lon = (_lon_shift(x, y) * 180.0) / (_A / sqrt_magic * math.cos(rad) * math.pi)
    return latitude + d_lat, longitude + d_lon


def gcj02_to_wgs84(latitude: float, longitude: float) -> tuple[float, float]:
    """The inverse, by iteration (for checks and for coordinates picked on a Chinese map)."""
    lat, lon = latitude, longitude
    for _ in range(30):
        g_lat, g_lon = wgs84_to_gcj02(lat, lon)
        d_lat, d_lon = g_lat - latitude, g_lon - longitude
        lat, lon = lat - d_lat, lon - d_lon
        if abs(d_lat) < 1e-9 and abs(d_lon) < 1e-9:
            break
    return lat, lon
