#include "vpn/WgConfirmBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QSpinBox>

namespace hm::app {

namespace {

// docs/api.md "Commit-confirm": what the server takes.
constexpr int kWgConfirmMinSeconds = 10;
constexpr int kWgConfirmMaxSeconds = 3600;
// A minute: time to check the tunnel still carries, not so long that a
// cut-off administrator waits.
constexpr int kWgConfirmDefaultSeconds = 60;

} // namespace

WgConfirmBox::WgConfirmBox(const QString &prefix, bool offerHandshake, QWidget *parent)
    : QWidget(parent), m_offerHandshake(offerHandshake)
{
    setObjectName(prefix + QStringLiteral(".confirmBox"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    m_on = new QCheckBox(this);
    m_on->setObjectName(prefix + QStringLiteral(".confirm"));
    m_seconds = new QSpinBox(this);
    m_seconds->setObjectName(prefix + QStringLiteral(".confirmSeconds"));
    m_seconds->setRange(kWgConfirmMinSeconds, kWgConfirmMaxSeconds);
    m_seconds->setValue(kWgConfirmDefaultSeconds);
    m_seconds->setGroupSeparatorShown(false);
    grid->addWidget(m_on, 0, 0);
    grid->addWidget(m_seconds, 0, 1);
    m_byHandshake = new QCheckBox(this);
    m_byHandshake->setObjectName(prefix + QStringLiteral(".confirmByHandshake"));
    m_client = new QComboBox(this);
    m_client->setObjectName(prefix + QStringLiteral(".confirmClient"));
    m_client->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    grid->addWidget(m_byHandshake, 1, 0);
    grid->addWidget(m_client, 1, 1);
    m_note = new QLabel(this);
    m_note->setObjectName(prefix + QStringLiteral(".confirmNote"));
    m_note->setWordWrap(true);
    m_note->setProperty("hmStyle", QStringLiteral("muted"));
    grid->addWidget(m_note, 2, 0, 1, 3);
    grid->setColumnStretch(2, 1);
    m_byHandshake->setVisible(offerHandshake);
    m_client->setVisible(offerHandshake);
    connect(m_on, &QCheckBox::toggled, this, &WgConfirmBox::updateEnabled);
    connect(m_byHandshake, &QCheckBox::toggled, this, &WgConfirmBox::updateEnabled);
    connect(m_on, &QCheckBox::toggled, this, &WgConfirmBox::changed);
    connect(m_seconds, &QSpinBox::valueChanged, this, &WgConfirmBox::changed);
    connect(m_byHandshake, &QCheckBox::toggled, this, &WgConfirmBox::changed);
    connect(m_client, &QComboBox::currentIndexChanged, this, &WgConfirmBox::changed);
    retranslateUi();
}

void WgConfirmBox::setClients(const QList<client::WgClientRow> &clients)
{
    const QVariant was = m_client->currentData();
    m_client->clear();
    for (const client::WgClientRow &row : clients)
        m_client->addItem(row.name, row.id);
    if (const int at = m_client->findData(was); at >= 0)
        m_client->setCurrentIndex(at);
    updateEnabled();
}

client::WgConfirmRequest WgConfirmBox::request() const
{
    client::WgConfirmRequest r;
    if (!m_on->isChecked())
        return r;
    r.withinSeconds = m_seconds->value();
    if (m_offerHandshake && m_byHandshake->isChecked() && m_client->currentIndex() >= 0)
        r.byHandshakeOf = m_client->currentData().toLongLong();
    return r;
}

void WgConfirmBox::updateEnabled()
{
    const bool on = m_on->isChecked();
    m_seconds->setEnabled(on);
    m_byHandshake->setEnabled(on && m_client->count() > 0);
    m_client->setEnabled(on && m_byHandshake->isChecked() && m_client->count() > 0);
    // The note stays shown: a line appearing later would not grow a dialog
    // already laid out, and it would be cut off.
}

void WgConfirmBox::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void WgConfirmBox::retranslateUi()
{
    m_on->setText(tr("Roll back unless confirmed within"));
    m_seconds->setSuffix(tr(" s"));
    m_byHandshake->setText(tr("...or when this client connects again:"));
    m_byHandshake->setToolTip(tr("A handshake of the client after the change proves the new "
                                 "settings carry its tunnel, such as after a new port."));
    m_client->setToolTip(m_client->count() == 0 ? tr("The server has no clients yet.") : QString());
    m_note->setText(tr("Without confirmation the previous settings come back by themselves: "
                       "use \"Keep changes\" on the VPN page once you know you can still reach "
                       "the server."));
    updateEnabled();
}

} // namespace hm::app
