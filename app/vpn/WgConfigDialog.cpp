#include "vpn/WgConfigDialog.h"

#include "vpn/WgConfigView.h"
#include "widgets/Retranslate.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace hm::app {

WgConfigDialog::WgConfigDialog(const QString &clientName, const QString &config, QWidget *parent)
    : QDialog(parent), m_clientName(clientName)
{
    setObjectName(QStringLiteral("vpn.configDialog"));
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("vpn.configDialog.title"));
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    m_view = new WgConfigView(this);
    m_view->setConfig(clientName, config);
    layout->addWidget(m_view, 1);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_buttons->button(QDialogButtonBox::Close)
        ->setObjectName(QStringLiteral("vpn.configDialog.close"));
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    layout->addWidget(m_buttons);
    retranslateUi();
}

void WgConfigDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void WgConfigDialog::retranslateUi()
{
    setWindowTitle(tr("WireGuard config of %1").arg(m_clientName));
    m_title->setText(tr("The WireGuard config of \"%1\" for its device.").arg(m_clientName));
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
}

} // namespace hm::app
