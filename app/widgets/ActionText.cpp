#include "widgets/ActionText.h"

#include <QAction>
#include <QCoreApplication>
#include <QRegularExpression>

namespace hm::app {

QString withoutMnemonic(const QString &menuText)
{
    QString text = menuText;
    // "儲存(&S)", "保存（&S）": the whole bracketed mnemonic goes.
    static const QRegularExpression cjkMnemonic(
        QStringLiteral("\\s*[(\\x{FF08}]&[^)\\x{FF09}][)\\x{FF09}]"));
    text.remove(cjkMnemonic);
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&') {
            if (i + 1 < text.size() && text.at(i + 1) == u'&')
                out.append(u'&'), ++i; // "&&" is a literal '&'
            continue;
        }
        out.append(text.at(i));
    }
    return out.trimmed();
}

QString toolButtonText(const QString &menuText)
{
    QString out = withoutMnemonic(menuText);
    if (out.endsWith(QStringLiteral("...")))
        out.chop(3);
    else if (out.endsWith(QChar(0x2026)))
        out.chop(1);
    return out.trimmed();
}

QString toolTipWithShortcut(const QString &tip, const QKeySequence &shortcut)
{
    if (shortcut.isEmpty())
        return tip;
    return QCoreApplication::translate("ActionText", "%1 (%2)")
        .arg(tip, shortcut.toString(QKeySequence::NativeText));
}

void useToolButtonText(QAction *action)
{
    action->setIconText(toolButtonText(action->text()));
}

} // namespace hm::app
