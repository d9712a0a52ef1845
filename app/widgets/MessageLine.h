#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <functional>

class QWidget;

namespace hm::app {

// A line of feedback that belongs to its moment (issue 34, item 13): a
// status line, a banner, the result of an action. It is given the way to
// make its text rather than the text, so that a language change renders it
// again in the new language; a passing message ("Saved.", "Arranged 4
// nodes.") clears itself after a while, a lasting one (an error, a state
// that still holds) stays until it is replaced or cleared. Text given as
// it is (already translated elsewhere, an error the server worded) cannot
// be rendered again: on a language change a passing one is cleared, a
// lasting one stays as it was.
class MessageLine final : public QObject
{
    Q_OBJECT

public:
    enum class Kind
    {
        Passing,
        Lasting,
    };
    using Text = std::function<QString()>;
    using Apply = std::function<void(const QString &text, Kind kind)>;

    // Shows each text through `apply` (an empty text: nothing to show) and
    // follows the language of `widget`, whose child it becomes.
    MessageLine(QWidget *widget, Apply apply);

    void show(Text text, Kind kind = Kind::Passing);
    void showText(const QString &text, Kind kind = Kind::Passing);
    void clear();

    QString text() const { return m_shown; }
    Kind kind() const { return m_kind; }

    // How long a passing message stays (default 12 s); tests shorten it.
    static int passingMs();
    static void setPassingMs(int ms);

signals:
    void changed(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void render();

    QPointer<QWidget> m_widget;
    Apply m_apply;
    Text m_text;     // null: the text was given as it is
    QString m_shown; // what is shown now
    Kind m_kind = Kind::Passing;
    QTimer m_expiry;
};

} // namespace hm::app
