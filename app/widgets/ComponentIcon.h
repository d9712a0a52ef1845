#pragma once

#include <QCoreApplication>
#include <QIcon>
#include <QPalette>
#include <QString>

class QPainter;
class QRectF;

namespace hm::app {

// A registered component's icon (components.icon: one name of
// hm::componentIconNames(), common/ComponentIcons.h) as line art drawn with
// QPainter paths in one colour of `palette` (light strokes on dark themes),
// crisp at any size and device pixel ratio. An empty or unknown name draws
// the neutral box ("component").
class ComponentIcon
{
    Q_DECLARE_TR_FUNCTIONS(hm::app::ComponentIcon)

public:
    // With a valid `badge`, a dot of that colour sits on the bottom-right
    // corner (the palette's health).
    static QIcon icon(const QString &name, const QPalette &palette, const QColor &badge = {});
    // Draws into `rect` (a square works best).
    static void paint(QPainter &painter, const QRectF &rect, const QString &name,
                      const QColor &colour);
    static QColor colour(const QPalette &palette);
    // Whether `name` is one the console draws (else the neutral box).
    static bool isKnown(const QString &name);
    // The icon's name for people, in the UI language ("Image", "Database").
    static QString label(const QString &name);
};

} // namespace hm::app
