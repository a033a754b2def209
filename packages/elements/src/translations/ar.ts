import type { CivicTranslation } from './translation.js';

const plural = new Intl.PluralRules('ar');
const supporters = (n: number, f: string): string => {
  switch (plural.select(n)) {
    case 'zero':
      return 'لا داعمين';
    case 'one':
      return 'داعم واحد';
    case 'two':
      return 'داعمان';
    case 'few':
      return `${f} داعمين`;
    default:
      return `${f} داعم`;
  }
};

export const ar = {
  $code: 'ar',
  $name: 'العربية',
  $dir: 'rtl',
  loading: 'جارٍ التحميل…',
  retry: 'حاول مرة أخرى',
  errorLoading: 'تعذّر التحميل.',
  errorNetwork: 'فشل الاتصال. تحقّق من اتصالك بالإنترنت وحاول مرة أخرى.',
  errorNotFound: 'لم يُعثر على هذا. ربما حُذف.',
  errorInvalid: 'أرسل مصدر البيانات شيئًا لا تستطيع هذه الصفحة عرضه.',
  errorUnauthorized: 'عليك تسجيل الدخول في هذا الموقع للقيام بذلك.',
  errorRateLimited: 'طلبات كثيرة جدًا. انتظر قليلًا ثم حاول مرة أخرى.',
  errorClosed: 'هذا مغلق.',
  errorConflict: 'تم هذا من قبل.',
  errorUnsupported: 'مصدر بيانات هذا الموقع لا يتيح ذلك.',
  errorNoSource: 'لم يُضبط مصدر بيانات. ضع هذا داخل <civic-provider>.',
  errorMisconfigured:
    'مصدر بيانات هذه الصفحة غير مضبوط بشكل صحيح. يمكن لمسؤول الموقع معرفة السبب في وحدة تحكم المتصفح.',
  errorUnknownAdapter: (name, known) => `مصدر بيانات غير معروف «${name}». المعروف: ${known}.`,
  statusProposed: 'مقترحة',
  statusActive: 'نشطة',
  statusCompleted: 'مكتملة',
  statusClosed: 'مغلقة',
  status: 'الحالة',
  where: 'أين',
  areaOnly: 'منطقة تقريبية',
  when: 'متى',
  organisedBy: 'تنظيم',
  topics: 'المواضيع',
  from: (source) => `من ${source}`,
  machineTranslated: 'ترجمة آلية',
  moreAbout: (title) => `المزيد عن ${title}`,
  supporters,
  supportersOfGoal: (n, f, goal, percent) => `${supporters(n, f)} من أصل ${goal} (${percent})`,
  goalReached: 'تحقّق الهدف',
  startsOn: (d) => `تبدأ في ${d}`,
  endsOn: (d) => `تنتهي في ${d}`,
  endedOn: (d) => `انتهت في ${d}`,
  runsUntil: (s, e) => `من ${s} إلى ${e}`,
  support: 'ادعم',
  youSupport: 'أنت تدعم هذه المبادرة',
  supportSending: 'جارٍ إرسال دعمك…',
  supportThanks: 'شكرًا لك. تم احتساب دعمك.',
  supportFailed: (reason) => `لم يُحتسب دعمك. ${reason}`,
  supportRetry: 'أرسل دعمك مرة أخرى',
  supportQueued: 'تعذّر الوصول إلى مصدر بيانات الموقع. سيُعاد إرسال دعمك تلقائيًا.',
  supportQueuedOffline: 'يبدو أنك غير متصل بالإنترنت. سيُرسل دعمك عندما تعود إلى الاتصال.',
  initiativeNotFound: 'لم يُعثر على هذه المبادرة. ربما حُذفت.',
} satisfies CivicTranslation;
