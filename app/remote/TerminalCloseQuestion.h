#pragma once

#include <QMessageBox>

namespace hm::app {

// Closing a terminal's tab while its shell runs (issue 38): keep the
// session running on the node (it can be reattached from Sessions until it
// idles out) or end it. A QMessageBox named `terminalCloseQuestion`, exec'd
// through DialogSeam; its answers are QMessageBox::Save ("Keep running"),
// Discard ("End session") and Cancel (the tab stays).
class TerminalCloseQuestion final : public QMessageBox
{
    Q_OBJECT

public:
    enum class Choice
    {
        Keep,
        End,
        Cancel
    };

    explicit TerminalCloseQuestion(const QString &tabTitle, QWidget *parent = nullptr);

    static Choice ask(const QString &tabTitle, QWidget *parent);
};

} // namespace hm::app
