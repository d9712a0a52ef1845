#include "widgets/ComponentIcon.h"

#include "common/ComponentIcons.h"

#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace hm::app {

namespace {

// Draws an icon on demand at the size and device pixel ratio asked for, so
// it is never a scaled bitmap.
class ComponentIconEngine final : public QIconEngine
{
public:
    ComponentIconEngine(QString name, QColor colour, QColor selected, QColor badge,
                        QColor background)
        : m_name(std::move(name)), m_colour(std::move(colour)), m_selected(std::move(selected)),
          m_badge(std::move(badge)), m_background(std::move(background))
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        // On a selected row: the selection's text colour.
        QColor colour = mode == QIcon::Selected ? m_selected : m_colour;
        if (mode == QIcon::Disabled)
            colour.setAlphaF(0.45);
        const qreal side = qMin(rect.width(), rect.height());
        const QRectF square(rect.x() + (rect.width() - side) / 2.0,
                            rect.y() + (rect.height() - side) / 2.0, side, side);
        ComponentIcon::paint(*painter, square, m_name, colour);
        if (m_badge.isValid()) {
            // A dot of 7/16 of the side on the corner, ringed in the
            // background so it stands apart from the strokes.
            const qreal d = side * 7.0 / 16.0;
            const QRectF dot(square.right() - d, square.bottom() - d, d, d);
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(QPen(m_background, side / 16.0));
            painter->setBrush(m_badge);
            painter->drawEllipse(
                dot.adjusted(side / 32.0, side / 32.0, -side / 32.0, -side / 32.0));
            painter->restore();
        }
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        // `size` is in device pixels already (QIcon::pixmap multiplies).
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        {
            QPainter painter(&pixmap);
            paint(&painter, QRect(QPoint(0, 0), pixmap.size()), mode, state);
        }
        pixmap.setDevicePixelRatio(scale);
        return pixmap;
    }

    QIconEngine *clone() const override
    {
        return new ComponentIconEngine(m_name, m_colour, m_selected, m_badge, m_background);
    }
    QString key() const override { return QStringLiteral("hm.component"); }

private:
    QString m_name;
    QColor m_colour;
    QColor m_selected;
    QColor m_badge;
    QColor m_background;
};

// The shapes, in a 24 x 24 box (the console's line icons' grid).
void drawComponentShape(QPainter &p, const QString &name)
{
    const auto line = [&p](qreal x1, qreal y1, qreal x2, qreal y2) {
        p.drawLine(QPointF(x1, y1), QPointF(x2, y2));
    };
    const auto poly = [&p](std::initializer_list<QPointF> points, bool closed = false) {
        QPainterPath path;
        bool first = true;
        for (const QPointF &point : points) {
            if (first)
                path.moveTo(point);
            else
                path.lineTo(point);
            first = false;
        }
        if (closed)
            path.closeSubpath();
        p.drawPath(path);
    };
    if (name == QLatin1String("image")) {
        p.drawRoundedRect(QRectF(3.5, 5, 17, 14), 2, 2);
        p.drawEllipse(QPointF(9, 10), 1.6, 1.6);
        poly({{4, 17.5}, {10, 12.5}, {14, 15.5}, {16.5, 13.5}, {20, 16.5}});
    } else if (name == QLatin1String("resize")) {
        p.drawRoundedRect(QRectF(3.5, 3.5, 17, 17), 2, 2);
        line(8, 16, 16, 8);
        poly({{11.5, 8}, {16, 8}, {16, 12.5}});
        poly({{8, 11.5}, {8, 16}, {12.5, 16}});
    } else if (name == QLatin1String("compress")) {
        poly({{4, 4}, {9.5, 9.5}});
        poly({{5.5, 9.5}, {9.5, 9.5}, {9.5, 5.5}});
        poly({{20, 20}, {14.5, 14.5}});
        poly({{18.5, 14.5}, {14.5, 14.5}, {14.5, 18.5}});
        poly({{20, 4}, {14.5, 9.5}});
        poly({{14.5, 5.5}, {14.5, 9.5}, {18.5, 9.5}});
        poly({{4, 20}, {9.5, 14.5}});
        poly({{5.5, 14.5}, {9.5, 14.5}, {9.5, 18.5}});
    } else if (name == QLatin1String("upload") || name == QLatin1String("download")) {
        poly({{4, 15}, {4, 19.5}, {20, 19.5}, {20, 15}});
        line(12, 3.5, 12, 15);
        if (name == QLatin1String("upload"))
            poly({{7.5, 8}, {12, 3.5}, {16.5, 8}});
        else
            poly({{7.5, 10.5}, {12, 15}, {16.5, 10.5}});
    } else if (name == QLatin1String("database")) {
        p.drawEllipse(QRectF(5, 3.5, 14, 5));
        QPainterPath body;
        body.moveTo(5, 6);
        body.lineTo(5, 18);
        body.arcTo(QRectF(5, 15.5, 14, 5), 180, 180);
        body.lineTo(19, 6);
        p.drawPath(body);
        QPainterPath middle;
        middle.moveTo(5, 12);
        middle.arcTo(QRectF(5, 9.5, 14, 5), 180, 180);
        p.drawPath(middle);
    } else if (name == QLatin1String("globe")) {
        p.drawEllipse(QPointF(12, 12), 8.5, 8.5);
        p.drawEllipse(QPointF(12, 12), 3.8, 8.5);
        line(3.5, 12, 20.5, 12);
    } else if (name == QLatin1String("mail")) {
        p.drawRoundedRect(QRectF(3.5, 5.5, 17, 13), 2, 2);
        poly({{4, 7}, {12, 13}, {20, 7}});
    } else if (name == QLatin1String("message")) {
        QPainterPath bubble;
        bubble.addRoundedRect(QRectF(3.5, 4, 17, 12.5), 2.5, 2.5);
        p.drawPath(bubble);
        poly({{8, 16.5}, {8, 20.5}, {12.5, 16.5}});
        line(7.5, 8.5, 16.5, 8.5);
        line(7.5, 12, 13.5, 12);
    } else if (name == QLatin1String("code")) {
        poly({{8, 7}, {3.5, 12}, {8, 17}});
        poly({{16, 7}, {20.5, 12}, {16, 17}});
        line(13.5, 5, 10.5, 19);
    } else if (name == QLatin1String("filter")) {
        poly({{3.5, 5}, {20.5, 5}, {14, 12.5}, {14, 19}, {10, 20.5}, {10, 12.5}}, true);
    } else if (name == QLatin1String("transform")) {
        line(4, 8, 19, 8);
        poly({{15.5, 4.5}, {19, 8}, {15.5, 11.5}});
        line(20, 16, 5, 16);
        poly({{8.5, 12.5}, {5, 16}, {8.5, 19.5}});
    } else if (name == QLatin1String("clock")) {
        p.drawEllipse(QPointF(12, 12), 8.5, 8.5);
        poly({{12, 7}, {12, 12}, {15.5, 14}});
    } else if (name == QLatin1String("file")) {
        poly({{6, 3.5}, {14, 3.5}, {18.5, 8}, {18.5, 20.5}, {6, 20.5}}, true);
        poly({{14, 3.5}, {14, 8}, {18.5, 8}});
        line(9, 13, 15.5, 13);
        line(9, 16.5, 15.5, 16.5);
    } else if (name == QLatin1String("chart")) {
        poly({{4, 3.5}, {4, 20}, {20.5, 20}});
        line(8.5, 16, 8.5, 12);
        line(12.5, 16, 12.5, 7);
        line(16.5, 16, 16.5, 10);
    } else if (name == QLatin1String("lock")) {
        p.drawRoundedRect(QRectF(5, 10.5, 14, 10), 2, 2);
        QPainterPath shackle;
        shackle.moveTo(8, 10.5);
        shackle.lineTo(8, 8);
        shackle.arcTo(QRectF(8, 4, 8, 8), 180, -180);
        shackle.lineTo(16, 10.5);
        p.drawPath(shackle);
        line(12, 14.5, 12, 16.5);
    } else if (name == QLatin1String("cloud")) {
        QPainterPath cloud;
        cloud.moveTo(7, 18);
        cloud.lineTo(17.5, 18);
        cloud.arcTo(QRectF(14.5, 10, 7, 8), -90, 180);
        cloud.arcTo(QRectF(6.5, 5, 11.5, 11), 10, 150);
        cloud.arcTo(QRectF(2.5, 9, 9, 9), 100, 170);
        p.drawPath(cloud);
    } else if (name == QLatin1String("bell")) {
        QPainterPath bell;
        bell.moveTo(5, 17);
        bell.lineTo(19, 17);
        bell.lineTo(17.5, 14.5);
        bell.lineTo(17.5, 10);
        bell.arcTo(QRectF(6.5, 4, 11, 11), 0, 180);
        bell.lineTo(6.5, 14.5);
        bell.closeSubpath();
        p.drawPath(bell);
        line(10, 20, 14, 20);
    } else if (name == QLatin1String("cpu")) {
        p.drawRoundedRect(QRectF(6, 6, 12, 12), 1.5, 1.5);
        p.drawRect(QRectF(9.5, 9.5, 5, 5));
        for (const qreal at : {9.5, 14.5}) {
            line(at, 3, at, 6);
            line(at, 18, at, 21);
            line(3, at, 6, at);
            line(18, at, 21, at);
        }
    } else {
        // "component", and anything unknown: the registry's box.
        poly({{12, 2.8}, {20, 7}, {20, 17}, {12, 21.2}, {4, 17}, {4, 7}}, true);
        poly({{4, 7}, {12, 11.2}, {20, 7}});
        line(12, 11.2, 12, 21.2);
    }
}

} // namespace

QColor ComponentIcon::colour(const QPalette &palette)
{
    // The line icons' grey: the text colour, a little towards the base.
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    return QColor::fromRgbF(text.redF() * 0.8f + base.redF() * 0.2f,
                            text.greenF() * 0.8f + base.greenF() * 0.2f,
                            text.blueF() * 0.8f + base.blueF() * 0.2f);
}

QIcon ComponentIcon::icon(const QString &name, const QPalette &palette, const QColor &badge)
{
    return QIcon(new ComponentIconEngine(name, colour(palette),
                                         palette.color(QPalette::HighlightedText), badge,
                                         palette.color(QPalette::Base)));
}

void ComponentIcon::paint(QPainter &painter, const QRectF &rect, const QString &name,
                          const QColor &colour)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(rect.topLeft());
    painter.scale(rect.width() / 24.0, rect.height() / 24.0);
    // Strokes of 1.8 at 24 px, never thinner than one device pixel.
    QPen pen(colour, qMax(1.8, 24.0 / rect.width()));
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    drawComponentShape(painter, isKnown(name) ? name : QStringLiteral("component"));
    painter.restore();
}

bool ComponentIcon::isKnown(const QString &name)
{
    return hm::isComponentIconName(name);
}

QString ComponentIcon::label(const QString &name)
{
    if (name == QLatin1String("component"))
        return tr("Component");
    if (name == QLatin1String("image"))
        return tr("Image");
    if (name == QLatin1String("resize"))
        return tr("Resize");
    if (name == QLatin1String("compress"))
        return tr("Compress");
    if (name == QLatin1String("upload"))
        return tr("Upload");
    if (name == QLatin1String("download"))
        return tr("Download");
    if (name == QLatin1String("database"))
        return tr("Database");
    if (name == QLatin1String("globe"))
        return tr("Web");
    if (name == QLatin1String("mail"))
        return tr("Mail");
    if (name == QLatin1String("message"))
        return tr("Message");
    if (name == QLatin1String("code"))
        return tr("Code");
    if (name == QLatin1String("filter"))
        return tr("Filter");
    if (name == QLatin1String("transform"))
        return tr("Transform");
    if (name == QLatin1String("clock"))
        return tr("Schedule");
    if (name == QLatin1String("file"))
        return tr("File");
    if (name == QLatin1String("chart"))
        return tr("Chart");
    if (name == QLatin1String("lock"))
        return tr("Security");
    if (name == QLatin1String("cloud"))
        return tr("Cloud");
    if (name == QLatin1String("bell"))
        return tr("Notification");
    if (name == QLatin1String("cpu"))
        return tr("Compute");
    return name;
}

} // namespace hm::app
