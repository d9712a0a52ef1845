#pragma once

class QLabel;
class QWidget;

namespace hm::app {

enum class StatusTone
{
    Pending,
    Good,
    Warning,
    Bad
};

// A small coloured dot telling a state at a glance (next to its text).
QLabel *createStatusIndicator(QWidget *parent);
void setStatusIndicator(QLabel *indicator, StatusTone tone);

} // namespace hm::app
