#include "widgets/StatusIndicator.h"

#include <QLabel>

namespace hm::app {

namespace {
constexpr int kDotSize = 10;
}

QLabel *createStatusIndicator(QWidget *parent)
{
    auto *dot = new QLabel(parent);
    dot->setObjectName(QStringLiteral("statusIndicator"));
    dot->setFixedSize(kDotSize, kDotSize);
    setStatusIndicator(dot, StatusTone::Pending);
    return dot;
}

void setStatusIndicator(QLabel *indicator, StatusTone tone)
{
    QString color;
    switch (tone) {
    case StatusTone::Pending:
        color = QStringLiteral("#9ca3af");
        break;
    case StatusTone::Good:
        color = QStringLiteral("#16a34a");
        break;
    case StatusTone::Warning:
        color = QStringLiteral("#d97706");
        break;
    case StatusTone::Bad:
        color = QStringLiteral("#dc2626");
        break;
    }
    indicator->setStyleSheet(
        QStringLiteral("background-color: %1; border-radius: %2px;").arg(color).arg(kDotSize / 2));
}

} // namespace hm::app
