// Vietnamese, the console's default language. Keys are named for the domain idea they label.
export const vi = {
  app: {
    name: 'Tăng Tốc',
    tagline: 'Điều hành chiến dịch phát triển người tham gia BHXH, BHYT',
    navigation: 'Điều hướng chính',
  },
  language: {
    label: 'Ngôn ngữ',
    vi: 'Tiếng Việt',
    en: 'English',
  },
  state: {
    loading: 'Đang tải…',
    failed: 'Không tải được dữ liệu: {{message}}',
    retry: 'Thử lại',
  },
  campaign: {
    plural: 'Chiến dịch',
    listLabel: 'Danh sách chiến dịch',
    empty: 'Chưa có chiến dịch nào.',
    more: 'Xem thêm chiến dịch',
    notFound: 'Không tìm thấy chiến dịch có mã {{code}}.',
    backToList: 'Tất cả chiến dịch',
    name: 'Tên chiến dịch',
    code: 'Mã',
    period: 'Thời gian',
    periodValue: '{{start}} – {{end}}',
    status: 'Trạng thái',
    timeZone: 'Múi giờ',
  },
  target: {
    plural: 'Chỉ tiêu',
    product: 'Sản phẩm',
    allProducts: 'Tất cả sản phẩm',
    center: 'Đơn vị',
    wholeCampaign: 'Toàn chiến dịch',
    milestone: 'Mốc',
    dueAtCampaignEnd: 'Kết thúc chiến dịch',
    count: 'Số người tham gia',
    countValue: '{{value, number}}',
    empty: 'Chiến dịch chưa có chỉ tiêu.',
    more: 'Xem thêm chỉ tiêu',
  },
  center: {
    plural: 'Đơn vị tham gia',
    code: 'Mã',
    name: 'Tên đơn vị',
    kind: 'Loại đơn vị',
    role: 'Vai trò',
    empty: 'Chiến dịch chưa có đơn vị tham gia.',
  },
}

export type Messages = typeof vi
