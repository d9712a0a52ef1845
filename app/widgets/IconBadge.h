#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace hm::app {

// A round badge holding a section icon in the theme's grey, repainted when
// the theme changes; the empty states and the shell's section states use it.
QLabel *createIconBadge(const QString &iconPath, int badgeSize, QWidget *parent);

} // namespace hm::app
