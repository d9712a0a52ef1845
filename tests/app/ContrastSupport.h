#pragma once

// The WCAG 2 contrast ratio of two opaque colours (1 to 21), for the tests
// that check text, icons and outlines against what they are drawn on
// (TestTheme, TestTerminalView, TestNodeFiles).

#include <QColor>
#include <algorithm>
#include <cmath>

namespace hm::test {

// Relative luminance (WCAG 2: sRGB channels made linear).
inline double relativeLuminance(const QColor &colour)
{
    const auto linear = [](double c) {
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) +
           0.0722 * linear(colour.blueF());
}

inline double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace hm::test
