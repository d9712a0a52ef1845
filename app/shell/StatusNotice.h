#pragma once

#include <QLabel>
#include <QTimer>

namespace hm::app {

// A passing notice in the status bar ("Alert: CPU over 80 — web-01: 93 %"),
// shown beside the connection state for a while. Not QStatusBar's message:
// that hides the bar's normal widgets while it shows, and the connection
// indicator went with them exactly when an alert fired. Elided to the room
// it has, the whole text in its tooltip.
class StatusNotice final : public QLabel
{
    Q_OBJECT

public:
    explicit StatusNotice(QWidget *parent = nullptr);

    // Shows `text` for `ms` milliseconds (it replaces a notice still shown).
    void showNotice(const QString &text, int ms);
    // The notice shown now, whole; empty when none.
    QString notice() const { return m_text; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void clearNotice();
    void elide();

    QString m_text;
    QTimer m_expiry;
};

} // namespace hm::app
