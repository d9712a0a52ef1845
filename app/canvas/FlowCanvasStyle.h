#pragma once

#include "flow/PortType.h"

#include <QColor>
#include <QPalette>
#include <QString>

namespace hm::app {

// The canvas's colours and metrics in one place, derived from the widget's
// QPalette so light and dark themes both work and nothing is hard-coded in
// the items. Port colours are fixed hues per type (the inspector uses the
// same), lightened on dark backgrounds to keep their contrast.
struct FlowCanvasStyle
{
    static FlowCanvasStyle fromPalette(const QPalette &palette);

    bool dark = false;
    QColor background;
    QColor gridMinor;
    QColor gridMajor;
    QColor nodeFill;
    QColor nodeHeader;
    QColor nodeBorder;
    QColor text;
    QColor mutedText;
    QColor accent; // selection and highlights
    QColor edge;
    QColor refused;
    QColor warning; // unknown component
    // The version diff: added, removed and changed nodes and edges.
    QColor diffAdded;
    QColor diffRemoved;
    QColor diffChanged;

    QColor portColour(flow::PortType type) const;

    // Metrics in scene units (device independent pixels at 100 %).
    static constexpr double kGrid = 20.0;
    static constexpr double kNodeMinWidth = 180.0;
    static constexpr double kHeaderHeight = 44.0;
    static constexpr double kPortRowHeight = 22.0;
    static constexpr double kPortRadius = 5.0;
    static constexpr double kCornerRadius = 8.0;
    static constexpr double kPadding = 12.0;
};

// "string", "integer", ... as the user reads them (translated).
QString portTypeLabel(flow::PortType type);

} // namespace hm::app
