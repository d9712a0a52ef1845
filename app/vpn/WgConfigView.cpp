#include "vpn/WgConfigView.h"

#include "widgets/ClipboardGuard.h"
#include "widgets/MessageBox.h"
#include "widgets/QrCode.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// Modules of 4 pixels: a phone reads it at arm's length from the screen.
constexpr int kWgQrScale = 4;

} // namespace

WgConfigView::WgConfigView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("vpn.config"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("vpn.config.warning"));
    m_warning->setWordWrap(true);
    m_warning->setProperty("hmStyle", QStringLiteral("banner"));
    m_warning->setProperty("tone", QStringLiteral("bad"));
    layout->addWidget(m_warning);
    auto *row = new QHBoxLayout();
    auto *qrColumn = new QVBoxLayout();
    m_qr = new QLabel(this);
    m_qr->setObjectName(QStringLiteral("vpn.config.qr"));
    m_qr->setAlignment(Qt::AlignCenter);
    qrColumn->addWidget(m_qr);
    m_qrNote = new QLabel(this);
    m_qrNote->setObjectName(QStringLiteral("vpn.config.qrNote"));
    m_qrNote->setWordWrap(true);
    m_qrNote->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_qrNote->setMaximumWidth(260);
    qrColumn->addWidget(m_qrNote);
    qrColumn->addStretch();
    row->addLayout(qrColumn);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("vpn.config.text"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // A key line ("PrivateKey = " and 44 characters of base64) shows whole.
    m_text->setMinimumWidth(QFontMetrics(m_text->font()).horizontalAdvance(QString(60, u'M')) +
                            2 * m_text->frameWidth() + 12);
    row->addWidget(m_text, 1);
    layout->addLayout(row, 1);
    auto *buttons = new QHBoxLayout();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("vpn.config.status"));
    m_statusLine = new MessageLine(
        this, [this](const QString &text, MessageLine::Kind) { m_status->setText(text); });
    buttons->addWidget(m_status, 1);
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("vpn.config.save"));
    m_copy = new QPushButton(this);
    m_copy->setObjectName(QStringLiteral("vpn.config.copy"));
    buttons->addWidget(m_save);
    buttons->addWidget(m_copy);
    layout->addLayout(buttons);
    connect(m_save, &QPushButton::clicked, this, &WgConfigView::saveConfig);
    connect(m_copy, &QPushButton::clicked, this, &WgConfigView::copyConfig);
    retranslateUi();
}

void WgConfigView::setConfig(const QString &name, const QString &config)
{
    m_name = name;
    m_config = config;
    m_text->setPlainText(config);
    // Drawn here from the text (the server's qr_code is the same file):
    // only in memory.
    const QImage qr = renderQrCode(config, kWgQrScale);
    m_qr->setPixmap(QPixmap::fromImage(qr));
    // The note under it as wide as the code, not wrapped narrower.
    m_qrNote->setMaximumWidth(qMax(260, qr.width()));
    m_statusLine->clear();
    retranslateUi();
}

void WgConfigView::saveConfig()
{
    if (m_config.isEmpty())
        return;
    // A file name wg-quick accepts: the client's name, tamed.
    QString base = m_name;
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_=+.-]")), QStringLiteral("-"));
    if (base.isEmpty())
        base = QStringLiteral("wireguard");
    QFileDialog dialog(this, tr("Save WireGuard config"));
    dialog.setObjectName(QStringLiteral("vpn.config.saveDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setDefaultSuffix(QStringLiteral("conf"));
    dialog.setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog.selectFile(base + QStringLiteral(".conf"));
    dialog.setNameFilter(tr("WireGuard configs (*.conf)"));
    if (DialogSeam::exec(&dialog) != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    QSaveFile file(path);
    // It holds a private key: readable by its owner only, before the first
    // byte is written.
    const bool written = file.open(QIODevice::WriteOnly) &&
                         file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
                         file.write(m_config.toUtf8()) >= 0 && file.commit();
    if (!written) {
        m_statusLine->show(
            [reason = file.errorString()] { return tr("Not saved: %1").arg(reason); },
            MessageLine::Kind::Lasting);
        return;
    }
    m_statusLine->show(
        [=]() -> QString { return tr("Saved to %1").arg(QDir::toNativeSeparators(path)); },
        MessageLine::Kind::Lasting);
}

void WgConfigView::copyConfig()
{
    if (m_config.isEmpty())
        return;
    ClipboardGuard::copySecret(m_config);
    m_statusLine->show(
        [=]() -> QString {
            return tr("Copied. The clipboard is cleared in %n second(s).", "",
                      qMax(1, ClipboardGuard::clearDelayMs() / 1000));
        },
        MessageLine::Kind::Lasting);
}

void WgConfigView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void WgConfigView::retranslateUi()
{
    m_warning->setText(tr("This config holds the client's private key. Anyone who has it can "
                          "connect as this client: give it only to the device's owner, and "
                          "do not send it by e-mail or chat."));
    m_qrNote->setText(tr("Scan with the WireGuard app on a phone or tablet."));
    m_save->setText(tr("Save config..."));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copies the config; the clipboard is cleared again after %n second(s).",
                          "", qMax(1, ClipboardGuard::clearDelayMs() / 1000)));
}

} // namespace hm::app
