#pragma once

class QWidget;

namespace hm::app {

// Makes a shown window tall enough for its layout at its current width.
// A wrapping label (a field's error) that appears after the window was
// sized asks for more lines than the window has: Qt does not grow a
// top-level window for height-for-width, so the message would be cut to
// one line. Never shrinks the window (the user may have made it taller).
void growToFitContents(QWidget *window);

} // namespace hm::app
