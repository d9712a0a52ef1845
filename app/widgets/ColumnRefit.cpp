#include "widgets/ColumnRefit.h"

#include <QEvent>
#include <QResizeEvent>
#include <QTableView>
#include <QTimer>

namespace hm::app {

ColumnRefit::ColumnRefit(QTableView *view, Values values, std::function<void()> layOut,
                         QObject *parent)
    : QObject(parent), m_view(view), m_later(new QTimer(this))
{
    m_later->setSingleShot(true);
    m_later->setInterval(0);
    connect(m_later, &QTimer::timeout, this, std::move(layOut));
    view->viewport()->installEventFilter(this);
    view->installEventFilter(this);
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::modelReset, this, &ColumnRefit::request);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ColumnRefit::request);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ColumnRefit::request);
    connect(model, &QAbstractItemModel::layoutChanged, this, &ColumnRefit::request);
    connect(model, &QAbstractItemModel::headerDataChanged, this, &ColumnRefit::request);
    if (values == Values::Followed)
        connect(model, &QAbstractItemModel::dataChanged, this, &ColumnRefit::request);
}

void ColumnRefit::request()
{
    m_later->start();
}

bool ColumnRefit::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    const bool widthChanged =
        type == QEvent::Resize && static_cast<QResizeEvent *>(event)->size().width() !=
                                      static_cast<QResizeEvent *>(event)->oldSize().width();
    if ((watched == m_view->viewport() && widthChanged) ||
        (watched == m_view && (type == QEvent::LanguageChange || type == QEvent::FontChange ||
                               type == QEvent::StyleChange || type == QEvent::Show)))
        request();
    return QObject::eventFilter(watched, event);
}

} // namespace hm::app
