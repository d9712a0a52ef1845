#include "fleet/NodeFileTransferBar.h"

#include "client/FileTransfer.h"
#include "widgets/ByteSizeText.h"
#include "widgets/ServerErrorText.h"

#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>

namespace hm::app {

NodeFileTransferBar::NodeFileTransferBar(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("nodes.files.transfer"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("nodes.files.transferText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setMinimumWidth(200);
    layout->addWidget(m_text, 2);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("nodes.files.transferProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    layout->addWidget(m_progress, 1);
    m_resume = new QPushButton(this);
    m_resume->setObjectName(QStringLiteral("nodes.files.transferResume"));
    layout->addWidget(m_resume);
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("nodes.files.transferCancel"));
    layout->addWidget(m_cancel);
    m_dismiss = new QPushButton(this);
    m_dismiss->setObjectName(QStringLiteral("nodes.files.transferDismiss"));
    layout->addWidget(m_dismiss);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_transfer)
            m_transfer->cancel();
    });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (m_transfer)
            m_transfer->resume();
    });
    connect(m_dismiss, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

void NodeFileTransferBar::follow(client::FileTransfer *transfer)
{
    if (m_transfer)
        m_transfer->disconnect(this);
    m_transfer = transfer;
    if (transfer) {
        connect(transfer, &client::FileTransfer::progress, this, &NodeFileTransferBar::showState);
        connect(transfer, &client::FileTransfer::stateChanged, this,
                &NodeFileTransferBar::showState);
        connect(transfer, &QObject::destroyed, this, &NodeFileTransferBar::showState);
    }
    showState();
}

void NodeFileTransferBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        showState();
    QWidget::changeEvent(event);
}

void NodeFileTransferBar::showState()
{
    using State = client::FileTransfer::State;
    const client::FileTransfer *t = m_transfer;
    setVisible(t != nullptr);
    m_cancel->setText(tr("Cancel"));
    m_resume->setText(tr("Resume"));
    m_dismiss->setText(tr("Dismiss"));
    if (!t)
        return;
    const QString name = QFileInfo(t->isUpload() ? t->localPath() : t->remotePath()).fileName();
    const qint64 total = t->total();
    const int permille = total > 0 ? int(t->transferred() * 1000 / total) : 0;
    const QString amounts =
        tr("%1 of %2").arg(ByteSizeText::format(t->transferred()), ByteSizeText::format(total));
    QString text;
    switch (t->state()) {
    case State::Idle:
    case State::Hashing:
        text = tr("Preparing \"%1\" (checksum)...").arg(name);
        break;
    case State::Starting:
    case State::Moving:
        text = t->isUpload() ? tr("Uploading \"%1\": %2").arg(name, amounts)
                             : tr("Downloading \"%1\": %2").arg(name, amounts);
        break;
    case State::Finishing:
        text = tr("Checking \"%1\" on the node...").arg(name);
        break;
    case State::Done:
        text = t->isUpload() ? tr("Uploaded \"%1\" (%2).").arg(name, ByteSizeText::format(total))
                             : tr("Downloaded \"%1\" to %2.").arg(name, t->localPath());
        break;
    case State::Failed:
        text = t->canResume() ? tr("\"%1\" was interrupted at %2: %3")
                                    .arg(name, amounts, describeApiError(*t->error()))
                              : tr("\"%1\" failed: %2").arg(name, describeApiError(*t->error()));
        break;
    case State::Cancelled:
        text = tr("\"%1\" was cancelled.").arg(name);
        break;
    }
    m_text->setText(text);
    m_text->setToolTip(text);
    m_progress->setValue(t->state() == State::Done ? 1000 : permille);
    m_progress->setVisible(t->isRunning() || t->canResume());
    m_cancel->setVisible(t->isRunning() || t->canResume());
    m_resume->setVisible(t->canResume());
    m_dismiss->setVisible(!t->isRunning() && !t->canResume());
    m_text->setProperty("tone", t->state() == State::Failed ? QStringLiteral("bad")
                                : t->state() == State::Done ? QStringLiteral("good")
                                                            : QString());
    m_text->style()->unpolish(m_text);
    m_text->style()->polish(m_text);
}

} // namespace hm::app
