#pragma once

#include "flow/PortType.h"

#include <QColor>
#include <QPalette>
#include <QString>

class QLabel;

namespace hm::app {

// Colours of the inspector's messages, derived from the widget's palette the
// way FlowCanvasStyle derives the canvas's (same hues for errors and
// warnings), so both themes keep their contrast and nothing is hard-coded
// in the panels.
namespace inspectorstyle {

enum class Tone
{
    Normal,
    Muted, // help text, descriptions
    Warning,
    Error,
};

bool isDark(const QPalette &palette);
QColor colour(const QPalette &palette, Tone tone);
// A small, word-wrapped label for help and messages.
QLabel *makeNote(Tone tone, const QString &objectName = {});
// Shows `text` in `label` with `tone`; hides the label when text is empty.
void showNote(QLabel *label, const QString &text, Tone tone);

} // namespace inspectorstyle

// "string", "integer", ... as the user reads them (translated).
QString portTypeText(flow::PortType type);

} // namespace hm::app
