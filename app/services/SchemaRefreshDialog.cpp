#include "services/SchemaRefreshDialog.h"

#include "client/ApiClient.h"
#include "client/Within.h"
#include "services/ServiceText.h"
#include "widgets/Retranslate.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPalette>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hm::app {

namespace {

void svcRefreshSetTone(QLabel *label, const QString &tone)
{
    label->setProperty("tone", tone);
    label->style()->unpolish(label);
    label->style()->polish(label);
}

// Readable on light and dark backgrounds alike.
QColor svcDiffColour(const QWidget *w, int kind)
{
    const bool dark = w->palette().color(QPalette::Base).lightness() < 128;
    switch (kind) {
    case 0: // added
        return dark ? QColor(0x6f, 0xd0, 0x8c) : QColor(0x1e, 0x7b, 0x3c);
    case 1: // changed
        return dark ? QColor(0xf0, 0xb4, 0x5a) : QColor(0x9a, 0x5b, 0x00);
    default: // removed
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
    }
}

} // namespace

SchemaRefreshDialog::SchemaRefreshDialog(client::ApiClient *client,
                                         const client::ServiceInfo &service, const QString &role,
                                         QWidget *parent)
    : QDialog(parent), m_client(client), m_service(service), m_role(role)
{
    setObjectName(QStringLiteral("services.refreshDialog"));
    auto *layout = new QVBoxLayout(this);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("services.refresh.state"));
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_state);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("services.diff"));
    m_tree->setColumnCount(3);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    layout->addWidget(m_tree, 1);
    auto *buttons = new QDialogButtonBox(this);
    m_apply = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(QStringLiteral("services.refresh.apply"));
    m_apply->setProperty("primary", true);
    m_close = buttons->addButton(QDialogButtonBox::Cancel);
    m_close->setObjectName(QStringLiteral("services.refresh.cancel"));
    connect(m_apply, &QPushButton::clicked, this, &SchemaRefreshDialog::apply);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, 520);
    retranslateUi();
    compare();
}

void SchemaRefreshDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void SchemaRefreshDialog::retranslateUi()
{
    setWindowTitle(
        tr("Refresh schema of %1")
            .arg(m_service.displayName.isEmpty() ? m_service.name : m_service.displayName));
    m_apply->setText(tr("&Apply changes"));
    m_close->setText(tr("Cancel"));
    showDiff();
}

void SchemaRefreshDialog::compare()
{
    if (!m_client || m_busy)
        return;
    m_busy = true;
    m_diff.reset();
    m_error.clear();
    showDiff();
    client::ServicesApi(*m_client).refreshSchema(
        m_service.id, true, client::within(this, [this](Result<client::SchemaRefresh> r) {
            m_busy = false;
            if (r)
                m_diff = *r;
            else
                m_error = ServiceText::error(r.error(), m_role);
            showDiff();
        }));
}

void SchemaRefreshDialog::apply()
{
    if (!m_client || m_busy || !m_diff)
        return;
    m_busy = true;
    showDiff();
    client::ServicesApi(*m_client).refreshSchema(
        m_service.id, false, client::within(this, [this](Result<client::SchemaRefresh> r) {
            m_busy = false;
            if (!r) {
                m_error = tr("Nothing was stored: %1").arg(ServiceText::error(r.error(), m_role));
                showDiff();
                return;
            }
            m_diff = *r;
            accept();
        }));
}

void SchemaRefreshDialog::showDiff()
{
    m_tree->clear();
    m_tree->setHeaderLabels({tr("Change"), tr("Endpoint"), tr("Details")});
    const bool changes = m_diff && (!m_diff->added.isEmpty() || !m_diff->changed.isEmpty() ||
                                    !m_diff->removed.isEmpty());
    m_apply->setEnabled(!m_busy && changes);
    if (m_busy && !m_diff) {
        m_state->setText(tr("Reading the document again..."));
        svcRefreshSetTone(m_state, QString());
        return;
    }
    if (!m_error.isEmpty() && !m_diff) {
        m_state->setText(m_error);
        svcRefreshSetTone(m_state, QStringLiteral("bad"));
        return;
    }
    if (!m_diff)
        return;
    const QLocale locale;
    if (!m_error.isEmpty()) {
        m_state->setText(m_error);
        svcRefreshSetTone(m_state, QStringLiteral("bad"));
    } else if (m_busy) {
        m_state->setText(tr("Applying..."));
        svcRefreshSetTone(m_state, QString());
    } else if (!changes) {
        m_state->setText(tr("The document at %1 has not changed: %n endpoint(s) as stored.", "",
                            m_diff->unchanged)
                             .arg(m_diff->schemaSource));
        svcRefreshSetTone(m_state, QStringLiteral("good"));
    } else {
        m_state->setText(tr("Read from %1: %2 added, %3 changed, %4 removed, %5 unchanged. "
                            "Nothing is stored until you apply.")
                             .arg(m_diff->schemaSource, locale.toString(m_diff->added.size()),
                                  locale.toString(m_diff->changed.size()),
                                  locale.toString(m_diff->removed.size()),
                                  locale.toString(m_diff->unchanged)));
        svcRefreshSetTone(m_state, QString());
    }
    QStyle *style = this->style();
    const struct
    {
        const QList<client::EndpointChange> *list;
        QString word;
        QIcon icon;
    } kinds[] = {
        {&m_diff->added, tr("+ Added"), style->standardIcon(QStyle::SP_FileDialogNewFolder)},
        {&m_diff->changed, tr("~ Changed"), style->standardIcon(QStyle::SP_BrowserReload)},
        {&m_diff->removed, tr("− Removed"), style->standardIcon(QStyle::SP_TrashIcon)},
    };
    for (int kind = 0; kind < 3; ++kind) {
        const QColor colour = svcDiffColour(this, kind);
        for (const client::EndpointChange &c : *kinds[kind].list) {
            auto *item = new QTreeWidgetItem(m_tree);
            item->setIcon(0, kinds[kind].icon);
            item->setText(0, kinds[kind].word);
            item->setForeground(0, colour);
            item->setText(1, c.method + u' ' + c.path);
            item->setForeground(1, colour);
            item->setData(0, Qt::UserRole, kind);
            QString detail = c.name;
            if (kind == 1 && !c.details.isEmpty())
                detail = c.details.join(QStringLiteral("; "));
            else if (kind == 1 && !c.fields.isEmpty())
                detail = tr("changed: %1").arg(c.fields.join(QStringLiteral(", ")));
            else if (kind == 2)
                detail =
                    tr("%1 — kept as removed; flows using it fail with a clear error").arg(c.name);
            item->setText(2, detail);
            item->setToolTip(2, detail);
        }
    }
    m_tree->resizeColumnToContents(0);
    m_tree->resizeColumnToContents(1);
}

} // namespace hm::app
