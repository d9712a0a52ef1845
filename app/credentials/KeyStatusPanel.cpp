#include "credentials/KeyStatusPanel.h"

#include "client/ApiClient.h"
#include "client/Within.h"
#include "credentials/CredentialText.h"
#include "widgets/AdminText.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/DateTimeText.h"
#include "widgets/MessageBox.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace hm::app {

KeyStatusPanel::KeyStatusPanel(QWidget *parent) : QGroupBox(parent)
{
    setObjectName(QStringLiteral("credentials.keyPanel"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout();
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("credentials.keySummary"));
    m_summary->setWordWrap(true);
    top->addWidget(m_summary, 1);
    m_rotate = new QPushButton(this);
    m_rotate->setObjectName(QStringLiteral("credentials.rotateKey"));
    top->addWidget(m_rotate, 0, Qt::AlignTop);
    layout->addLayout(top);
    auto *progressRow = new QHBoxLayout();
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("credentials.rotationProgress"));
    m_progress->setVisible(false);
    progressRow->addWidget(m_progress, 1);
    m_progressText = new QLabel(this);
    m_progressText->setObjectName(QStringLiteral("credentials.rotationText"));
    m_progressText->setVisible(false);
    progressRow->addWidget(m_progressText);
    layout->addLayout(progressRow);
    m_versions = new QTableWidget(0, 5, this);
    m_versions->setObjectName(QStringLiteral("credentials.keyVersions"));
    m_versions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_versions->setSelectionMode(QAbstractItemView::NoSelection);
    m_versions->setFocusPolicy(Qt::NoFocus);
    m_versions->verticalHeader()->hide();
    m_versions->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_versions->horizontalHeader()->setStretchLastSection(true);
    for (const int column : {0, 2}) // the version and the number of credentials
        alignNumberColumn(m_versions, column);
    m_versions->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_versions->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_versions->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    layout->addWidget(m_versions);
    m_poll = new QTimer(this);
    m_poll->setInterval(500);
    connect(m_poll, &QTimer::timeout, this, &KeyStatusPanel::refresh);
    connect(m_rotate, &QPushButton::clicked, this, &KeyStatusPanel::rotate);
    retranslateUi();
}

KeyStatusPanel::~KeyStatusPanel() = default;

void KeyStatusPanel::setClient(client::ApiClient *client)
{
    m_client = client;
    m_loaded = false;
    m_rotating = false;
    m_error.clear();
    m_status = {};
    m_poll->stop();
    if (client)
        refresh();
    retranslateUi();
}

bool KeyStatusPanel::isPolling() const
{
    return m_poll->isActive();
}

void KeyStatusPanel::setPollIntervalMs(int ms)
{
    m_poll->setInterval(ms);
}

void KeyStatusPanel::refresh()
{
    if (!m_client)
        return;
    client::CredentialsApi(*m_client).keyStatus(
        client::within(this, [this](Result<client::CredentialKeyStatus> r) {
            if (!r)
                return showError([error = r.error()] {
                    return tr("The key status could not be read: %1").arg(AdminText::error(error));
                });
            showStatus(*r);
        }));
}

void KeyStatusPanel::rotate()
{
    if (!m_client || m_rotating)
        return;
    if (!MessageBox::confirm(
            this, tr("Rotate the credential key"),
            tr("Create a new data key and re-encrypt every stored credential with it? The "
               "credentials stay usable while this runs, and the old key is retired at the end."),
            tr("Rotate"), QStringLiteral("credentials.confirmRotate")))
        return;
    m_rotating = true;
    m_error.clear();
    retranslateUi();
    client::CredentialsApi(*m_client).rotateKey(
        client::within(this, [this](Result<client::CredentialKeyStatus> r) {
            if (!r) {
                // CONFLICT: one is unfinished; the server resumes it.
                if (r.error().code == ErrorCode::Conflict) {
                    m_poll->start();
                    refresh();
                    return;
                }
                m_rotating = false;
                return showError([error = r.error()] {
                    return tr("The key was not rotated: %1").arg(AdminText::error(error));
                });
            }
            showStatus(*r);
            m_poll->start();
            refresh();
        }));
}

void KeyStatusPanel::showStatus(const client::CredentialKeyStatus &status)
{
    m_status = status;
    m_loaded = true;
    m_error.clear();
    const bool idle = status.rotation.state == QLatin1String("idle");
    if (idle && (m_poll->isActive() || m_rotating)) {
        m_poll->stop();
        m_rotating = false;
        emit rotationFinished();
    } else if (!idle && !m_poll->isActive()) {
        m_poll->start(); // one started elsewhere, or resumed after a restart
    }
    retranslateUi();
}

void KeyStatusPanel::showError(std::function<QString()> text)
{
    m_error = LocalizedText(std::move(text));
    retranslateUi();
}

void KeyStatusPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QGroupBox::changeEvent(event);
}

void KeyStatusPanel::retranslateUi()
{
    setTitle(tr("Encryption key"));
    const client::CredentialRotation &rotation = m_status.rotation;
    const bool idle = !m_loaded || rotation.state == QLatin1String("idle");
    QString summary;
    if (!m_error.isEmpty())
        summary = m_error.toString();
    else if (!m_client)
        summary = tr("Sign in first.");
    else if (!m_loaded)
        summary = tr("Reading the key status...");
    else if (idle && m_status.activeVersion == 0)
        summary = tr("No data key yet: the first credential stored makes one.");
    else if (idle)
        summary = tr("Credentials are encrypted with data key version %1. Rotating makes a new "
                     "version and re-encrypts every credential with it.")
                      .arg(m_status.activeVersion);
    else
        summary = tr("Data key version %1 is active; the rotation is %2.")
                      .arg(m_status.activeVersion)
                      .arg(CredentialText::rotationState(rotation.state).toLower());
    if (m_loaded && idle && rotation.finishedAt.isValid() && m_error.isEmpty())
        summary += u'\n' + tr("The last rotation ended %1.").arg(dateTimeText(rotation.finishedAt));
    if (m_loaded && rotation.failed > 0)
        summary += u'\n' + tr("%n credential(s) could not be decrypted and keep the old key.", "",
                              int(rotation.failed));
    m_summary->setText(summary);
    m_summary->setProperty("tone", m_error.isEmpty() ? QString() : QStringLiteral("bad"));
    m_summary->style()->unpolish(m_summary);
    m_summary->style()->polish(m_summary);

    const bool busy = m_rotating || !idle;
    m_progress->setVisible(busy);
    m_progressText->setVisible(busy);
    if (busy) {
        const qint64 total =
            qMax<qint64>(rotation.total, rotation.reencrypted + rotation.remaining);
        if (total > 0) {
            m_progress->setRange(0, int(total));
            m_progress->setValue(int(qMin(total, rotation.reencrypted)));
        } else {
            m_progress->setRange(0, 0); // busy, nothing counted yet
        }
        m_progressText->setText(
            tr("%1 of %2 re-encrypted")
                .arg(QLocale().toString(rotation.reencrypted), QLocale().toString(total)));
    }
    m_rotate->setText(tr("Rotate key..."));
    m_rotate->setEnabled(m_client && m_loaded && !busy && m_status.activeVersion > 0);
    m_rotate->setToolTip(busy ? tr("A rotation is running.")
                              : tr("Make a new data key and re-encrypt every credential."));

    m_versions->setHorizontalHeaderLabels(
        {tr("Version"), tr("State"), tr("Credentials"), tr("Created"), tr("Retired")});
    m_versions->setRowCount(int(m_status.keys.size()));
    for (int row = 0; row < m_status.keys.size(); ++row) {
        const client::CredentialKeyVersion &key = m_status.keys[row];
        const QStringList cells = {QLocale().toString(key.version),
                                   CredentialText::keyStatus(key.status),
                                   QLocale().toString(key.credentials), dateTimeText(key.createdAt),
                                   dateTimeText(key.retiredAt)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setTextAlignment(column == 0 || column == 2 ? kNumberColumn : kTextColumn);
            m_versions->setItem(row, column, item);
        }
    }
    m_versions->setVisible(!m_status.keys.isEmpty());
    // As tall as its rows: a few versions, no empty band under them.
    m_versions->resizeRowsToContents();
    int height = m_versions->horizontalHeader()->sizeHint().height() + 2 * m_versions->frameWidth();
    for (int row = 0; row < m_versions->rowCount(); ++row)
        height += m_versions->rowHeight(row);
    m_versions->setFixedHeight(height);
}

} // namespace hm::app
