#include "inspector/InspectorStyle.h"

#include <QApplication>
#include <QCoreApplication>
#include <QEvent>
#include <QLabel>

namespace hm::app {

namespace inspectorstyle {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

QColor colour(const QPalette &palette, Tone tone)
{
    const bool dark = isDark(palette);
    const QColor text = palette.color(QPalette::WindowText);
    switch (tone) {
    case Tone::Normal:
        return text;
    case Tone::Muted: {
        const QColor window = palette.color(QPalette::Window);
        const double t = 0.62;
        return QColor::fromRgbF(static_cast<float>(window.redF() * (1 - t) + text.redF() * t),
                                static_cast<float>(window.greenF() * (1 - t) + text.greenF() * t),
                                static_cast<float>(window.blueF() * (1 - t) + text.blueF() * t));
    }
    case Tone::Warning:
        return dark ? QColor(0xff, 0xc1, 0x4d) : QColor(0x9a, 0x5b, 0x00);
    case Tone::Error:
        return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    }
    return text;
}

namespace {

// A label whose text colour is a tone of its parent's palette, kept so when
// the palette changes (a theme switch) or the label is reparented.
class NoteLabel final : public QLabel
{
public:
    explicit NoteLabel(Tone tone) : m_tone(tone) { applyTone(); }

    void setTone(Tone tone)
    {
        m_tone = tone;
        applyTone();
    }

protected:
    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ParentChange)
            applyTone();
        QLabel::changeEvent(event);
    }

private:
    void applyTone()
    {
        if (m_applying)
            return;
        m_applying = true;
        // The parent's palette: the label's own WindowText holds the tone.
        const QPalette base = parentWidget() ? parentWidget()->palette() : QApplication::palette();
        QPalette p = palette();
        p.setColor(QPalette::WindowText, colour(base, m_tone));
        setPalette(p);
        m_applying = false;
    }

    Tone m_tone;
    bool m_applying = false;
};

} // namespace

QLabel *makeNote(Tone tone, const QString &objectName)
{
    auto *label = new NoteLabel(tone);
    if (!objectName.isEmpty())
        label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 0.9);
    label->setFont(f);
    return label;
}

void showNote(QLabel *label, const QString &text, Tone tone)
{
    label->setText(text);
    if (auto *note = dynamic_cast<NoteLabel *>(label))
        note->setTone(tone);
    label->setVisible(!text.isEmpty());
}

} // namespace inspectorstyle

QString portTypeText(flow::PortType type)
{
    switch (type) {
    case flow::PortType::String:
        return QCoreApplication::translate("hm::app::Inspector", "string");
    case flow::PortType::Integer:
        return QCoreApplication::translate("hm::app::Inspector", "integer");
    case flow::PortType::Number:
        return QCoreApplication::translate("hm::app::Inspector", "number");
    case flow::PortType::Boolean:
        return QCoreApplication::translate("hm::app::Inspector", "boolean");
    case flow::PortType::Bytes:
        return QCoreApplication::translate("hm::app::Inspector", "bytes");
    case flow::PortType::Object:
        return QCoreApplication::translate("hm::app::Inspector", "object");
    case flow::PortType::Array:
        return QCoreApplication::translate("hm::app::Inspector", "array");
    case flow::PortType::Any:
        return QCoreApplication::translate("hm::app::Inspector", "any");
    }
    return {};
}

} // namespace hm::app
