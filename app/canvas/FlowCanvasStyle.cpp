#include "canvas/FlowCanvasStyle.h"

#include <QCoreApplication>

namespace hm::app {

FlowCanvasStyle FlowCanvasStyle::fromPalette(const QPalette &palette)
{
    FlowCanvasStyle s;
    const QColor base = palette.color(QPalette::Base);
    s.dark = base.lightnessF() < 0.5;
    s.text = palette.color(QPalette::Text);
    s.background = s.dark ? base.darker(115) : palette.color(QPalette::Window).lighter(103);
    // Grid lines are blends of background and text so they follow the theme.
    auto blend = [](const QColor &a, const QColor &b, double t) {
        return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
                                static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
                                static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
    };
    s.gridMinor = blend(s.background, s.text, 0.06);
    s.gridMajor = blend(s.background, s.text, 0.13);
    s.nodeFill = base;
    s.nodeHeader = blend(base, palette.color(QPalette::Highlight), s.dark ? 0.22 : 0.10);
    s.nodeBorder = blend(base, s.text, 0.30);
    s.mutedText = blend(base, s.text, 0.62);
    s.accent = palette.color(QPalette::Highlight);
    s.edge = blend(s.background, s.text, 0.55);
    s.refused = s.dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    s.warning = s.dark ? QColor(0xff, 0xc1, 0x4d) : QColor(0xb2, 0x6a, 0x00);
    s.diffAdded = s.dark ? QColor(0x66, 0xd1, 0x7a) : QColor(0x1b, 0x8a, 0x3a);
    s.diffRemoved = s.dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    s.diffChanged = s.dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xd9, 0x7a, 0x00);
    return s;
}

QColor FlowCanvasStyle::portColour(flow::PortType type) const
{
    QColor c;
    switch (type) {
    case flow::PortType::String:
        c = QColor(0x2e, 0x7d, 0x32);
        break;
    case flow::PortType::Integer:
        c = QColor(0x15, 0x65, 0xc0);
        break;
    case flow::PortType::Number:
        c = QColor(0x00, 0x83, 0x8f);
        break;
    case flow::PortType::Boolean:
        c = QColor(0xad, 0x14, 0x57);
        break;
    case flow::PortType::Bytes:
        c = QColor(0x6a, 0x1b, 0x9a);
        break;
    case flow::PortType::Object:
        c = QColor(0xe6, 0x51, 0x00);
        break;
    case flow::PortType::Array:
        c = QColor(0x8d, 0x6e, 0x63);
        break;
    case flow::PortType::Any:
        c = QColor(0x75, 0x75, 0x75);
        break;
    }
    return dark ? c.lighter(150) : c;
}

QString portTypeLabel(flow::PortType type)
{
    switch (type) {
    case flow::PortType::String:
        return QCoreApplication::translate("hm::app::FlowCanvasStyle", "string");
    case flow::PortType::Integer:
        return QCoreApplication::translate("hm::app::FlowCanvasStyle", "integer");
    case flow::PortType::Number:
        return QCoreApplication::translate("hm::app::FlowCanvasStyle", "number");
    case flow::PortType::Boolean:
        return QCoreApplication::translate("hm::app::FlowCanvasStyle", "boolean");
    case flow::PortType::Bytes:
        return QCoreApplication::translate("hm::app::FlowCanvasStyle", "bytes");
    case flow::PortType::Object:
        return QCoreApplication::translate("hm::app::FlowCanvasStyle", "object");
    case flow::PortType::Array:
        return QCoreApplication::translate("hm::app::FlowCanvasStyle", "array");
    case flow::PortType::Any:
        return QCoreApplication::translate("hm::app::FlowCanvasStyle", "any");
    }
    return {};
}

} // namespace hm::app
