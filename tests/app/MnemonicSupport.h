#pragma once

// Keyboard mnemonics ("&File", "檔案(&F)") of a menu or a dialog: the ones
// that clash. Two entries with the same letter in one menu or one dialog
// make Alt+letter cycle between them instead of choosing, so every test of
// a menu or a dialog can say which texts share a letter.

#include <QAbstractButton>
#include <QAction>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QMenu>
#include <QStringList>
#include <QTabWidget>
#include <QWidget>

namespace mnemonictest {

// The letter after a lone "&" (not "&&"), lower case; empty when none.
inline QString mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        return text.mid(i + 1, 1).toLower();
    }
    return {};
}

// The texts that share a letter with another, as "a: &Add Server…, My &Account…".
inline QStringList clashes(const QStringList &texts)
{
    QHash<QString, QStringList> byLetter;
    for (const QString &text : texts) {
        const QString letter = mnemonicOf(text);
        if (!letter.isEmpty())
            byLetter[letter].append(text);
    }
    QStringList out;
    for (auto it = byLetter.cbegin(); it != byLetter.cend(); ++it) {
        if (it.value().size() > 1)
            out.append(it.key() + QStringLiteral(": ") + it.value().join(QStringLiteral(", ")));
    }
    out.sort();
    return out;
}

// The visible entries of one menu (its submenus are checked on their own).
inline QStringList menuTexts(const QMenu *menu)
{
    QStringList texts;
    for (const QAction *action : menu->actions()) {
        if (action->isVisible() && !action->isSeparator())
            texts.append(action->text());
    }
    return texts;
}

// Each menu under `menu` and itself, as "title: clashes".
inline QStringList menuClashes(const QMenu *menu)
{
    QStringList out;
    for (const QString &clash : clashes(menuTexts(menu)))
        out.append(menu->title() + QStringLiteral(" → ") + clash);
    for (const QAction *action : menu->actions()) {
        if (action->menu() && action->isVisible())
            out += menuClashes(action->menu());
    }
    return out;
}

// The texts a dialog's mnemonics live in: captions, buttons, group boxes
// and tabs not hidden explicitly.
inline QStringList dialogTexts(const QWidget *dialog)
{
    QStringList texts;
    for (const QLabel *label : dialog->findChildren<QLabel *>()) {
        if (label->buddy() && label->isVisibleTo(dialog) && label->buddy()->isVisibleTo(dialog))
            texts.append(label->text());
    }
    for (const QAbstractButton *button : dialog->findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(dialog))
            texts.append(button->text());
    }
    for (const QGroupBox *box : dialog->findChildren<QGroupBox *>()) {
        if (box->isVisibleTo(dialog))
            texts.append(box->title());
    }
    for (const QTabWidget *tabs : dialog->findChildren<QTabWidget *>()) {
        for (int i = 0; i < tabs->count(); ++i)
            texts.append(tabs->tabText(i));
    }
    return texts;
}

} // namespace mnemonictest
