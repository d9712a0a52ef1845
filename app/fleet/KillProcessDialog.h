#pragma once

#include "client/RemoteTypes.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace hm::app {

// "Kill…" on a node's process: names the process and its pid, lets the
// operator choose the signal (TERM first, each with what it does) and is
// the confirmation itself: Accepted sends signalName(). Opened through
// DialogSeam. Named `nodes.processes.kill*`.
class KillProcessDialog final : public QDialog
{
    Q_OBJECT

public:
    KillProcessDialog(const client::ProcessRow &process, const QString &nodeName,
                      QWidget *parent = nullptr);

    // "TERM", "KILL" … as the server takes it.
    QString signalName() const;
    // The signals offered, in their order.
    static QStringList signalNames();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showSignal();

    client::ProcessRow m_process;
    QString m_nodeName;
    QLabel *m_text = nullptr;
    QLabel *m_signalLabel = nullptr;
    QComboBox *m_signal = nullptr;
    QLabel *m_meaning = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hm::app
