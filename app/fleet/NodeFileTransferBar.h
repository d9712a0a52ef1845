#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace hm::client {
class FileTransfer;
}

namespace hm::app {

// The Files tab's line for the upload or download in progress: what moves,
// a progress bar, Cancel, and Resume for an upload that was interrupted.
// It stays after the end to say how it went until dismissed or replaced.
// Named `nodes.files.transfer*`.
class NodeFileTransferBar final : public QWidget
{
    Q_OBJECT

public:
    explicit NodeFileTransferBar(QWidget *parent = nullptr);

    // Follows `transfer` (owned elsewhere); null hides the bar.
    void follow(client::FileTransfer *transfer);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showState();

    QPointer<client::FileTransfer> m_transfer;
    QLabel *m_text = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_dismiss = nullptr;
};

} // namespace hm::app
