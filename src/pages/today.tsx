import TodayPage from '@site/src/components/TodayPage';

/** `/today`: for each followed plan, today's day, what is overdue, and where the time went. */
export default TodayPage;
