#include "shell/AboutDialog.h"

#include "hivemind/Version.h"
#include "widgets/Retranslate.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace hm::app {

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));

    auto *logo = new QLabel(this);
    logo->setObjectName(QStringLiteral("about.logo"));
    constexpr int kLogoSize = 64;
    logo->setPixmap(QIcon(QStringLiteral(":/icons/hivemind.svg"))
                        .pixmap(QSize(kLogoSize, kLogoSize), devicePixelRatioF()));
    logo->setFixedSize(kLogoSize, kLogoSize);
    logo->setAlignment(Qt::AlignTop);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("about.title"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);

    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("about.text"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setMinimumWidth(360);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("about.buttons"));
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("about.close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *textColumn = new QVBoxLayout;
    textColumn->setSpacing(10);
    textColumn->addWidget(m_title);
    textColumn->addWidget(m_text);
    textColumn->addStretch(1);

    auto *body = new QHBoxLayout;
    body->setSpacing(20);
    body->addWidget(logo, 0, Qt::AlignTop);
    body->addLayout(textColumn, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 16);
    layout->setSpacing(18);
    layout->addLayout(body);
    layout->addWidget(buttons);
    retranslateUi();
}

void AboutDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void AboutDialog::retranslateUi()
{
    setWindowTitle(tr("About HiveMind"));
    // The product's name and version, the same in every language.
    m_title->setText(QStringLiteral("HiveMind ") + QString::fromLatin1(hm::version::kVersion));
    m_text->setText(
        tr("A self-hosted operations platform: design workflows, run them on the server's "
           "scheduler, connect your fleet over WireGuard and keep every secret encrypted.") +
        QStringLiteral("\n\n") +
        tr("This console is a client of the HiveMind server; in local mode it runs the server "
           "in-process on a loopback port."));
}

} // namespace hm::app
