#include "operations/RetentionSettingsTab.h"

#include "client/ApiClient.h"
#include "client/ApiRequest.h"
#include "client/Within.h"
#include "operations/OperationsText.h"
#include "widgets/ByteSizeText.h"
#include "widgets/ChartStyle.h"
#include "widgets/MissingValue.h"
#include "widgets/TextBaseline.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>
#include <QValueAxis>

namespace hm::app {

namespace {

const QString kRetention = QStringLiteral("retention");
const QString kMaxAge = QStringLiteral("max_age_days");
const QString kMaxExecutions = QStringLiteral("max_executions_per_flow");
const QString kMaxDatabase = QStringLiteral("max_database_mib");

QString dataSize(qint64 bytes)
{
    return ByteSizeText::format(bytes);
}

QSpinBox *limitBox(QWidget *parent, const char *name, int max)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(QString::fromLatin1(name));
    box->setRange(0, max);
    box->setMinimumWidth(120);
    return box;
}

} // namespace

RetentionSettingsTab::RetentionSettingsTab(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("settings.retentionTab"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(12, 12, 12, 12);
    m_readOnlyNote = new QLabel(this);
    m_readOnlyNote->setObjectName(QStringLiteral("retention.readOnlyNote"));
    m_readOnlyNote->setWordWrap(true);
    outer->addWidget(m_readOnlyNote);

    m_limitsGroup = new QGroupBox(this);
    m_limitsGroup->setObjectName(QStringLiteral("retention.group.limits"));
    auto *limitsLayout = new QVBoxLayout(m_limitsGroup);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const auto row = [this](QLabel **caption, QSpinBox *box) {
        *caption = new QLabel(m_limitsGroup);
        (*caption)->setBuddy(box);
        auto *holder = new QWidget(m_limitsGroup);
        auto *h = new QHBoxLayout(holder);
        h->setContentsMargins(0, 0, 0, 0);
        h->addWidget(box);
        h->addStretch(1);
        m_form->addRow(*caption, holder);
        connect(box, &QSpinBox::valueChanged, this, &RetentionSettingsTab::updateState);
    };
    m_maxAge = limitBox(m_limitsGroup, "retention.maxAge", 36500);
    m_maxExecutions = limitBox(m_limitsGroup, "retention.maxExecutions", 1000000000);
    m_maxDatabase = limitBox(m_limitsGroup, "retention.maxDatabase", 16 * 1024 * 1024);
    row(&m_maxAgeCaption, m_maxAge);
    row(&m_maxExecutionsCaption, m_maxExecutions);
    row(&m_maxDatabaseCaption, m_maxDatabase);
    limitsLayout->addLayout(m_form);
    m_limitsHint = new QLabel(m_limitsGroup);
    m_limitsHint->setObjectName(QStringLiteral("retention.hint"));
    m_limitsHint->setWordWrap(true);
    m_limitsHint->setProperty("hmStyle", QStringLiteral("muted"));
    limitsLayout->addWidget(m_limitsHint);
    outer->addWidget(m_limitsGroup);

    auto *saveRow = new QHBoxLayout;
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("retention.status"));
    m_statusLabel->setWordWrap(true);
    m_runNow = new QPushButton(this);
    m_runNow->setObjectName(QStringLiteral("retention.runNow"));
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("retention.save"));
    saveRow->addWidget(m_statusLabel, 1);
    saveRow->addWidget(m_runNow);
    saveRow->addWidget(m_save);
    outer->addLayout(saveRow);
    connect(m_save, &QPushButton::clicked, this, &RetentionSettingsTab::save);
    connect(m_runNow, &QPushButton::clicked, this, &RetentionSettingsTab::runNow);

    m_storeGroup = new QGroupBox(this);
    m_storeGroup->setObjectName(QStringLiteral("retention.group.store"));
    auto *storeLayout = new QVBoxLayout(m_storeGroup);
    m_storageState = new QLabel(m_storeGroup);
    m_storageState->setObjectName(QStringLiteral("retention.storageState"));
    m_storageState->setWordWrap(true);
    m_storageState->setMargin(6);
    storeLayout->addWidget(m_storageState);
    m_storeForm = new QFormLayout;
    m_storeForm->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const auto figure = [this](QLabel **caption, QLabel **value, const char *name) {
        *caption = new QLabel(m_storeGroup);
        *value = new QLabel(m_storeGroup);
        (*value)->setObjectName(QString::fromLatin1(name));
        (*value)->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_storeForm->addRow(*caption, *value);
    };
    figure(&m_databaseCaption, &m_databaseSize, "retention.databaseSize");
    figure(&m_usedCaption, &m_usedSize, "retention.usedSize");
    figure(&m_growthCaption, &m_growth, "retention.growth");
    figure(&m_freeCaption, &m_freeSpace, "retention.freeSpace");
    storeLayout->addLayout(m_storeForm);
    // Captions and values on one baseline in every language (a Chinese
    // caption beside a Latin size sat lower, see TextBaseline.h).
    (new BaselineKeeper(this))->addForm(m_storeForm);

    m_chart = new QChart;
    m_x = new QDateTimeAxis(m_chart);
    m_x->setTickCount(5);
    m_x->setFormat(QStringLiteral("HH:mm"));
    m_y = new QValueAxis(m_chart);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    m_chartView = ChartStyle::view(m_chart, QStringLiteral("retention.chart"), m_storeGroup, 200);
    m_usedLine = ChartStyle::line(m_chart, ChartStyle::seriesColor(0));
    m_usedLine->attachAxis(m_x);
    m_usedLine->attachAxis(m_y);
    m_chart->legend()->setVisible(false);
    ChartStyle::applyPalette(m_chartView, palette());
    storeLayout->addWidget(m_chartView);
    m_chartEmpty = new QLabel(m_storeGroup);
    m_chartEmpty->setObjectName(QStringLiteral("retention.chartEmpty"));
    m_chartEmpty->setAlignment(Qt::AlignCenter);
    m_chartEmpty->setWordWrap(true);
    m_chartEmpty->setProperty("hmStyle", QStringLiteral("muted"));
    m_chartEmpty->setFrameShape(QFrame::StyledPanel);
    m_chartEmpty->setMargin(8);
    m_chartEmpty->setMinimumHeight(60);
    storeLayout->addWidget(m_chartEmpty);
    outer->addWidget(m_storeGroup);
    outer->addStretch(1);

    retranslate();
    fillStorage();
    updateState();
}

void RetentionSettingsTab::setClient(hm::client::ApiClient *client, bool admin)
{
    if (client == m_client && admin == m_admin)
        return;
    m_client = client;
    m_admin = admin;
    m_settings = {};
    m_storage = {};
    m_status.clear();
    fillForm();
    fillStorage();
    reload();
}

void RetentionSettingsTab::reload()
{
    if (!m_client) {
        updateState();
        return;
    }
    m_busy += 2;
    updateState();
    m_client->send(hm::client::ApiRequest::get(QStringLiteral("/api/v1/system/config")),
                   hm::client::within(this, [this](Result<hm::client::ApiResponse> r) {
                       --m_busy;
                       if (!r)
                           m_status = LocalizedText([=]() -> QString {
                               return describeOperationsError(r.error(),
                                                              tr("read the retention settings"));
                           });
                       else
                           m_settings = r.value().data.toObject().value(kRetention).toObject();
                       fillForm();
                   }));
    m_client->send(hm::client::ApiRequest::get(QStringLiteral("/api/v1/system/storage")),
                   hm::client::within(this, [this](Result<hm::client::ApiResponse> r) {
                       --m_busy;
                       if (!r)
                           m_status = LocalizedText([=]() -> QString {
                               return describeOperationsError(r.error(),
                                                              tr("read the store's size"));
                           });
                       else
                           m_storage = r.value().data.toObject();
                       fillStorage();
                       updateState();
                   }));
}

void RetentionSettingsTab::fillForm()
{
    const QSignalBlocker a(m_maxAge);
    const QSignalBlocker b(m_maxExecutions);
    const QSignalBlocker c(m_maxDatabase);
    m_maxAge->setValue(m_settings.value(kMaxAge).toInt());
    m_maxExecutions->setValue(m_settings.value(kMaxExecutions).toInt());
    m_maxDatabase->setValue(m_settings.value(kMaxDatabase).toInt());
    updateState();
}

void RetentionSettingsTab::fillStorage()
{
    const QJsonObject fs = m_storage.value(QStringLiteral("filesystem")).toObject();
    const auto sizeOrDash = [](const QJsonValue &v) {
        return v.isDouble() && v.toInteger() >= 0 ? dataSize(v.toInteger()) : missingValue();
    };
    m_databaseSize->setText(sizeOrDash(m_storage.value(QStringLiteral("database_bytes"))));
    m_usedSize->setText(sizeOrDash(m_storage.value(QStringLiteral("used_bytes"))));
    const QJsonValue growth = m_storage.value(QStringLiteral("growth_bytes_per_hour"));
    m_growth->setText(growth.isDouble() ? tr("%1 per hour").arg(dataSize(growth.toInteger()))
                                        : tr("not known yet (a minute of samples needed)"));
    const QJsonValue total = fs.value(QStringLiteral("total_bytes"));
    m_freeSpace->setText(fs.isEmpty() ? missingValue()
                                      : tr("%1 of %2")
                                            .arg(sizeOrDash(fs.value(QStringLiteral("free_bytes"))),
                                                 sizeOrDash(total)));
    const QString state = fs.value(QStringLiteral("state")).toString();
    if (state == QLatin1String("full")) {
        m_storageState->setText(tr("The server's disk is full: new executions are refused "
                                   "until space is freed. Running ones finish."));
        m_storageState->setProperty("hmStyle", QStringLiteral("banner"));
        m_storageState->setProperty("tone", QStringLiteral("bad"));
    } else if (state == QLatin1String("low")) {
        m_storageState->setText(tr("The server's disk is almost full: below %1 free, new "
                                   "executions will be refused. Lower the limits or free space.")
                                    .arg(sizeOrDash(fs.value(QStringLiteral("reserve_bytes")))));
        m_storageState->setProperty("hmStyle", QStringLiteral("banner"));
        m_storageState->setProperty("tone", QVariant());
    } else {
        m_storageState->clear();
        m_storageState->setProperty("hmStyle", QVariant());
        m_storageState->setProperty("tone", QVariant());
    }
    m_storageState->setVisible(!m_storageState->text().isEmpty());
    m_storageState->style()->unpolish(m_storageState);
    m_storageState->style()->polish(m_storageState);

    QList<QPointF> points;
    double top = 0;
    qint64 first = 0;
    qint64 last = 0;
    for (const QJsonValue v : m_storage.value(QStringLiteral("samples")).toArray()) {
        const QJsonObject s = v.toObject();
        const qint64 at =
            QDateTime::fromString(s.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs)
                .toMSecsSinceEpoch();
        const double used = double(s.value(QStringLiteral("used_bytes")).toInteger());
        if (points.isEmpty())
            first = at;
        last = at;
        points.append({double(at), used});
        top = std::max(top, used);
    }
    const bool drawable = points.size() >= 2;
    m_chartView->setVisible(drawable);
    m_chartEmpty->setVisible(!drawable);
    if (!drawable)
        return;
    // MiB on the axis: store sizes are rarely below one.
    const double divisor = 1024.0 * 1024.0;
    const ChartStyle::NiceScale scale = ChartStyle::niceScale(top / divisor);
    m_usedLine->replace(ChartStyle::scaledPoints(points, divisor));
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(first), QDateTime::fromMSecsSinceEpoch(last));
    // Seconds while the samples span less than ten minutes (a server just
    // started), else minutes; dates once they span more than a day.
    const qint64 span = last - first;
    m_x->setFormat(span < 10 * 60 * 1000          ? QStringLiteral("HH:mm:ss")
                   : span < 24LL * 3600 * 1000 ? QStringLiteral("HH:mm")
                                                : QStringLiteral("MM-dd HH:mm"));
    m_y->setRange(0, scale.top);
    m_y->setTickCount(scale.ticks + 1);
    m_y->setLabelFormat(QStringLiteral("%.") + QString::number(scale.decimals) +
                        QStringLiteral("f"));
    m_usedLine->setName(tr("Used (MiB)"));
    m_y->setTitleText(tr("MiB"));
}

QJsonObject RetentionSettingsTab::changes() const
{
    QJsonObject changed;
    for (const auto &[key, box] :
         {std::pair{kMaxAge, m_maxAge}, std::pair{kMaxExecutions, m_maxExecutions},
          std::pair{kMaxDatabase, m_maxDatabase}}) {
        if (!m_settings.isEmpty() && box->value() != m_settings.value(key).toInt())
            changed.insert(key, box->value());
    }
    return changed;
}

void RetentionSettingsTab::save()
{
    const QJsonObject changed = changes();
    if (!m_client || !m_admin || changed.isEmpty())
        return;
    ++m_busy;
    updateState();
    m_client->send(hm::client::ApiRequest::put(QStringLiteral("/api/v1/system/config"),
                                               QJsonObject{{kRetention, changed}}),
                   hm::client::within(this, [this](Result<hm::client::ApiResponse> r) {
                       --m_busy;
                       if (!r) {
                           m_status = LocalizedText([=]() -> QString {
                               return describeOperationsError(r.error(),
                                                              tr("save the retention settings"));
                           });
                           updateState();
                           emit saved(false);
                           return;
                       }
                       m_settings = r.value().data.toObject().value(kRetention).toObject();
                       m_status = LocalizedText(
                           [=]() -> QString { return tr("Saved. The next pass applies it."); });
                       fillForm();
                       emit saved(true);
                   }));
}

void RetentionSettingsTab::runNow()
{
    if (!m_client || !m_admin)
        return;
    ++m_busy;
    m_status = LocalizedText([=]() -> QString { return tr("Applying retention…"); });
    updateState();
    m_client->send(hm::client::ApiRequest::post(QStringLiteral("/api/v1/system/retention/run")),
                   hm::client::within(this, [this](Result<hm::client::ApiResponse> r) {
                       --m_busy;
                       if (!r) {
                           m_status = LocalizedText([=]() -> QString {
                               return describeOperationsError(r.error(), tr("apply retention"));
                           });
                           updateState();
                           emit ran(false);
                           return;
                       }
                       const qint64 deleted =
                           r.value().data.toObject().value(QStringLiteral("deleted")).toInteger();
                       m_status = LocalizedText([=]() -> QString {
                           return tr("Removed %n execution(s).", nullptr, int(deleted));
                       });
                       reload();
                       emit ran(true);
                   }));
}

void RetentionSettingsTab::updateState()
{
    const bool editable = m_admin && m_client && m_busy == 0 && !m_settings.isEmpty();
    for (QSpinBox *box : {m_maxAge, m_maxExecutions, m_maxDatabase})
        box->setEnabled(editable);
    m_save->setEnabled(editable && !changes().isEmpty());
    m_runNow->setEnabled(m_admin && m_client && m_busy == 0);
    m_readOnlyNote->setVisible(!m_admin);
    m_statusLabel->setText(m_status.toString());
}

void RetentionSettingsTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange && m_chartView)
        ChartStyle::applyPalette(m_chartView, palette());
    QWidget::changeEvent(event);
}

void RetentionSettingsTab::retranslate()
{
    m_readOnlyNote->setText(tr("Only administrators change history retention."));
    m_limitsGroup->setTitle(tr("History retention (every flow)"));
    m_maxAgeCaption->setText(tr("Keep executions for (days)"));
    m_maxExecutionsCaption->setText(tr("Executions kept per flow"));
    m_maxDatabaseCaption->setText(tr("Largest database size (MiB)"));
    for (QSpinBox *box : {m_maxAge, m_maxExecutions, m_maxDatabase})
        box->setSpecialValueText(tr("No limit"));
    m_limitsHint->setText(
        tr("0 means no limit. Only ended executions are removed, oldest first, in the "
           "background; a flow's own limits (its properties) come before these."));
    m_save->setText(tr("Save"));
    m_runNow->setText(tr("Apply Now"));
    m_storeGroup->setTitle(tr("Store"));
    m_databaseCaption->setText(tr("Database file"));
    m_usedCaption->setText(tr("Used by data"));
    m_growthCaption->setText(tr("Growth"));
    m_freeCaption->setText(tr("Free disk space"));
    m_chartEmpty->setText(tr("The chart of the used size appears once the server has taken "
                             "two samples (one a minute)."));
    fillStorage();
    updateState();
}

} // namespace hm::app
