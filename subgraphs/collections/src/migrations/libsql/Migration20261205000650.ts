import { Migration } from '@mikro-orm/migrations';

export class Migration20261205000650 extends Migration {

  override name = 'Migration20261205000650';

  override up(): void | Promise<void> {
    this.addSql(`create table \`agency\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`agency_code\` text not null, \`agency_name\` text not null, \`agency_name_en\` text null, \`contact_person\` text null, \`contact_phone\` text null, \`contact_email\` text null, \`address\` text null, \`timezone\` integer not null default 8, \`agency_type\` text not null default 'real', \`is_active\` integer not null default true);`);
    this.addSql(`create index \`agency_tenant_id_index\` on \`agency\` (\`tenant_id\`);`);
    this.addSql(`create index \`agency_tenant_id_is_active_index\` on \`agency\` (\`tenant_id\`, \`is_active\`);`);
    this.addSql(`create unique index \`agency_tenant_id_agency_code_unique\` on \`agency\` (\`tenant_id\`, \`agency_code\`);`);

    this.addSql(`create table \`agency_working_hour\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`agency_id\` integer not null, \`day_of_week\` integer not null, \`start_time\` text not null default '09:00:00', \`end_time\` text not null default '18:00:00', \`is_working_day\` integer not null default true);`);
    this.addSql(`create index \`agency_working_hour_tenant_id_index\` on \`agency_working_hour\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`agency_working_hour_tenant_id_agency_id_day_of_week_unique\` on \`agency_working_hour\` (\`tenant_id\`, \`agency_id\`, \`day_of_week\`);`);

    this.addSql(`create table \`case_assignment\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`case_id\` integer not null, \`from_collector_id\` integer null, \`to_collector_id\` integer null, \`kind\` text not null, \`strategy\` text null, \`reason\` text null, \`assigned_by\` text null, \`assigned_at\` datetime not null);`);
    this.addSql(`create index \`case_assignment_tenant_id_index\` on \`case_assignment\` (\`tenant_id\`);`);
    this.addSql(`create index \`case_assignment_tenant_id_to_collector_id_assigned_at_index\` on \`case_assignment\` (\`tenant_id\`, \`to_collector_id\`, \`assigned_at\`);`);
    this.addSql(`create index \`case_assignment_tenant_id_case_id_assigned_at_index\` on \`case_assignment\` (\`tenant_id\`, \`case_id\`, \`assigned_at\`);`);

    this.addSql(`create table \`case_contact\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`case_id\` integer not null, \`phone_number\` text not null, \`phone_type\` text not null default 'mobile', \`contact_name\` text null, \`relationship\` text null, \`is_primary\` integer not null default false, \`is_verified\` integer not null default false, \`last_contact_at\` datetime null, \`last_contact_result\` text null);`);
    this.addSql(`create index \`case_contact_tenant_id_index\` on \`case_contact\` (\`tenant_id\`);`);
    this.addSql(`create index \`case_contact_tenant_id_case_id_index\` on \`case_contact\` (\`tenant_id\`, \`case_id\`);`);

    this.addSql(`create table \`collection_case\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`case_code\` text not null, \`customer_id\` text not null, \`user_name\` text not null, \`mobile\` text not null, \`id_number\` text null, \`email\` text null, \`address\` text null, \`bank_account\` text null, \`gender\` text null, \`date_of_birth\` text null, \`kyc_level\` text null, \`loan_id\` text null, \`loan_product_name\` text null, \`loan_amount\` bigint not null, \`loan_date\` text null, \`loan_term\` integer null, \`due_date\` text not null, \`interest_rate\` text null, \`repaid_amount\` bigint not null, \`outstanding_principal\` bigint null, \`outstanding_interest\` bigint null, \`outstanding_penalty\` bigint null, \`outstanding_amount\` bigint not null, \`overdue_amount\` bigint null, \`daily_penalty\` bigint null, \`overdue_days\` integer not null, \`case_status\` text not null default 'pending_repayment', \`case_priority\` text not null default 'normal', \`case_tags\` json not null, \`custom_fields\` json not null, \`settlement_date\` text null, \`queue_id\` integer null, \`agency_id\` integer null, \`team_group_id\` integer null, \`team_id\` integer null, \`collector_id\` integer null, \`assigned_at\` datetime null, \`last_contact_at\` datetime null, \`push_batch_no\` text null);`);
    this.addSql(`create index \`collection_case_tenant_id_index\` on \`collection_case\` (\`tenant_id\`);`);
    this.addSql(`create index \`collection_case_tenant_id_user_name_index\` on \`collection_case\` (\`tenant_id\`, \`user_name\`);`);
    this.addSql(`create index \`collection_case_tenant_id_mobile_index\` on \`collection_case\` (\`tenant_id\`, \`mobile\`);`);
    this.addSql(`create index \`collection_case_tenant_id_outstanding_amount_index\` on \`collection_case\` (\`tenant_id\`, \`outstanding_amount\`);`);
    this.addSql(`create index \`collection_case_tenant_id_overdue_days_index\` on \`collection_case\` (\`tenant_id\`, \`overdue_days\`);`);
    this.addSql(`create index \`collection_case_tenant_id_collector_id_case_status_index\` on \`collection_case\` (\`tenant_id\`, \`collector_id\`, \`case_status\`);`);
    this.addSql(`create index \`collection_case_tenant_id_team_id_case_status_index\` on \`collection_case\` (\`tenant_id\`, \`team_id\`, \`case_status\`);`);
    this.addSql(`create index \`collection_case_tenant_id_agency_id_case_status_index\` on \`collection_case\` (\`tenant_id\`, \`agency_id\`, \`case_status\`);`);
    this.addSql(`create index \`collection_case_tenant_id_queue_id_case_status_index\` on \`collection_case\` (\`tenant_id\`, \`queue_id\`, \`case_status\`);`);
    this.addSql(`create index \`collection_case_tenant_id_case_status_overdue_days_index\` on \`collection_case\` (\`tenant_id\`, \`case_status\`, \`overdue_days\`);`);
    this.addSql(`create unique index \`collection_case_tenant_id_case_code_unique\` on \`collection_case\` (\`tenant_id\`, \`case_code\`);`);

    this.addSql(`create table \`collector\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`user_id\` text not null, \`agency_id\` integer not null, \`team_id\` integer null, \`team_group_id\` integer null, \`collector_code\` text not null, \`collector_name\` text not null, \`employee_no\` text null, \`collector_level\` text null, \`position\` text not null default 'collector', \`max_case_count\` integer not null default 100, \`current_case_count\` integer not null default 0, \`specialties\` json not null, \`status\` text not null default 'active', \`is_active\` integer not null default true, \`performance_score\` double null, \`last_activity_at\` datetime null);`);
    this.addSql(`create index \`collector_tenant_id_index\` on \`collector\` (\`tenant_id\`);`);
    this.addSql(`create index \`collector_tenant_id_team_id_status_index\` on \`collector\` (\`tenant_id\`, \`team_id\`, \`status\`);`);
    this.addSql(`create index \`collector_tenant_id_agency_id_status_index\` on \`collector\` (\`tenant_id\`, \`agency_id\`, \`status\`);`);
    this.addSql(`create unique index \`collector_tenant_id_user_id_unique\` on \`collector\` (\`tenant_id\`, \`user_id\`);`);
    this.addSql(`create unique index \`collector_tenant_id_collector_code_unique\` on \`collector\` (\`tenant_id\`, \`collector_code\`);`);

    this.addSql(`create table \`communication\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`case_id\` integer not null, \`collector_id\` integer null, \`agency_id\` integer null, \`team_id\` integer null, \`contact_method\` text not null, \`contact_phone\` text null, \`contact_result\` text not null, \`contact_person\` text null, \`communication_content\` text null, \`call_duration_seconds\` integer null, \`audio_url\` text null, \`tags\` json not null, \`next_follow_up_at\` datetime null, \`provider_ref\` text null, \`contact_time\` datetime not null, \`client_id\` text null);`);
    this.addSql(`create index \`communication_tenant_id_index\` on \`communication\` (\`tenant_id\`);`);
    this.addSql(`create index \`communication_tenant_id_contact_time_index\` on \`communication\` (\`tenant_id\`, \`contact_time\`);`);
    this.addSql(`create index \`communication_tenant_id_collector_id_contact_time_index\` on \`communication\` (\`tenant_id\`, \`collector_id\`, \`contact_time\`);`);
    this.addSql(`create index \`communication_tenant_id_case_id_contact_time_index\` on \`communication\` (\`tenant_id\`, \`case_id\`, \`contact_time\`);`);
    this.addSql(`create unique index \`communication_tenant_id_client_id_unique\` on \`communication\` (\`tenant_id\`, \`client_id\`);`);

    this.addSql(`create table \`dead_letter\` (\`id\` text not null primary key, \`consumer\` text not null, \`event_id\` text not null, \`topic\` text not null, \`payload\` json not null, \`tenant_id\` text null, \`aggregate_id\` text null, \`occurred_at\` datetime not null, \`attempts\` integer not null, \`last_error\` text not null, \`dead_at\` datetime not null, \`replayed_at\` datetime null);`);
    this.addSql(`create index \`dead_letter_replayed_at_dead_at_index\` on \`dead_letter\` (\`replayed_at\`, \`dead_at\`);`);
    this.addSql(`create unique index \`dead_letter_consumer_event_id_unique\` on \`dead_letter\` (\`consumer\`, \`event_id\`);`);

    this.addSql(`create table \`field_display\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`scene_type\` text not null, \`field_key\` text not null, \`field_name\` text not null, \`field_data_type\` text not null default 'String', \`field_source\` text not null default 'standard', \`sort_order\` integer not null default 0, \`display_width\` integer null, \`color_type\` text not null default 'normal', \`is_searchable\` integer not null default false, \`is_filterable\` integer not null default false, \`is_range_searchable\` integer not null default false);`);
    this.addSql(`create index \`field_display_tenant_id_index\` on \`field_display\` (\`tenant_id\`);`);
    this.addSql(`create index \`field_display_tenant_id_scene_type_sort_order_index\` on \`field_display\` (\`tenant_id\`, \`scene_type\`, \`sort_order\`);`);
    this.addSql(`create unique index \`field_display_tenant_id_scene_type_field_key_unique\` on \`field_display\` (\`tenant_id\`, \`scene_type\`, \`field_key\`);`);

    this.addSql(`create table \`field_group\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`group_key\` text not null, \`group_name\` text not null, \`group_name_en\` text null, \`parent_id\` integer null, \`sort_order\` integer not null default 0);`);
    this.addSql(`create unique index \`field_group_group_key_unique\` on \`field_group\` (\`group_key\`);`);

    this.addSql(`create table \`foreign_ref\` (\`entity\` text not null, \`ref_id\` text not null, \`tenant_id\` text null, \`present\` integer not null, \`as_of\` datetime not null, primary key (\`entity\`, \`ref_id\`));`);

    this.addSql(`create table \`outbox_event\` (\`id\` text not null primary key, \`topic\` text not null, \`aggregate_id\` text null, \`payload\` json not null, \`tenant_id\` text null, \`occurred_at\` datetime not null, \`published_at\` datetime null, \`attempts\` integer not null default 0);`);
    this.addSql(`create index \`outbox_event_published_at_occurred_at_index\` on \`outbox_event\` (\`published_at\`, \`occurred_at\`);`);

    this.addSql(`create table \`outbox_lease\` (\`name\` text not null primary key, \`holder\` text not null, \`expires_at\` datetime not null);`);

    this.addSql(`create table \`processed_event\` (\`consumer\` text not null, \`event_id\` text not null, \`processed_at\` datetime not null, primary key (\`consumer\`, \`event_id\`));`);

    this.addSql(`create table \`ptp\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`case_id\` integer not null, \`collector_id\` integer null, \`agency_id\` integer null, \`team_id\` integer null, \`promise_date\` text not null, \`promise_amount\` bigint not null, \`kept_amount\` bigint not null, \`promise_method\` text null, \`confidence_level\` text null, \`promise_status\` text not null default 'pending', \`notes\` text null, \`client_id\` text null);`);
    this.addSql(`create index \`ptp_tenant_id_index\` on \`ptp\` (\`tenant_id\`);`);
    this.addSql(`create index \`ptp_tenant_id_created_at_index\` on \`ptp\` (\`tenant_id\`, \`created_at\`);`);
    this.addSql(`create index \`ptp_tenant_id_promise_status_promise_date_index\` on \`ptp\` (\`tenant_id\`, \`promise_status\`, \`promise_date\`);`);
    this.addSql(`create index \`ptp_tenant_id_collector_id_promise_date_index\` on \`ptp\` (\`tenant_id\`, \`collector_id\`, \`promise_date\`);`);
    this.addSql(`create index \`ptp_tenant_id_case_id_promise_status_index\` on \`ptp\` (\`tenant_id\`, \`case_id\`, \`promise_status\`);`);
    this.addSql(`create unique index \`ptp_tenant_id_client_id_unique\` on \`ptp\` (\`tenant_id\`, \`client_id\`);`);

    this.addSql(`create table \`quality_inspection\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`communication_id\` integer not null, \`case_id\` integer not null, \`collector_id\` integer null, \`agency_id\` integer null, \`team_id\` integer null, \`reviewer_id\` text not null, \`score\` integer not null, \`result\` text not null, \`comments\` text null);`);
    this.addSql(`create index \`quality_inspection_tenant_id_index\` on \`quality_inspection\` (\`tenant_id\`);`);
    this.addSql(`create index \`quality_inspection_communication_id_index\` on \`quality_inspection\` (\`communication_id\`);`);
    this.addSql(`create index \`quality_inspection_tenant_id_collector_id_created_at_index\` on \`quality_inspection\` (\`tenant_id\`, \`collector_id\`, \`created_at\`);`);
    this.addSql(`create index \`quality_inspection_tenant_id_created_at_index\` on \`quality_inspection\` (\`tenant_id\`, \`created_at\`);`);

    this.addSql(`create table \`case_queue\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`queue_code\` text not null, \`queue_name\` text not null, \`queue_name_en\` text null, \`queue_description\` text null, \`overdue_days_start\` integer not null, \`overdue_days_end\` integer null, \`sort_order\` integer not null default 0, \`is_active\` integer not null default true);`);
    this.addSql(`create index \`case_queue_tenant_id_index\` on \`case_queue\` (\`tenant_id\`);`);
    this.addSql(`create index \`case_queue_tenant_id_overdue_days_start_index\` on \`case_queue\` (\`tenant_id\`, \`overdue_days_start\`);`);
    this.addSql(`create unique index \`case_queue_tenant_id_queue_code_unique\` on \`case_queue\` (\`tenant_id\`, \`queue_code\`);`);

    this.addSql(`create table \`queue_field_config\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`queue_id\` integer not null, \`field_key\` text not null, \`is_visible\` integer not null default true, \`is_required\` integer not null default false, \`sort_order\` integer not null default 0);`);
    this.addSql(`create index \`queue_field_config_tenant_id_index\` on \`queue_field_config\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`queue_field_config_tenant_id_queue_id_field_key_unique\` on \`queue_field_config\` (\`tenant_id\`, \`queue_id\`, \`field_key\`);`);

    this.addSql(`create table \`repayment\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`repayment_id\` text not null, \`case_id\` integer not null, \`collector_id\` integer null, \`agency_id\` integer null, \`team_id\` integer null, \`repayment_amount\` bigint not null, \`repayment_date\` datetime not null, \`repayment_channel\` text null, \`transaction_no\` text null, \`source\` text not null, \`notes\` text null, \`receipt_file_id\` text null, \`client_id\` text null, \`confirmed\` integer not null default true);`);
    this.addSql(`create index \`repayment_tenant_id_index\` on \`repayment\` (\`tenant_id\`);`);
    this.addSql(`create index \`repayment_tenant_id_repayment_date_index\` on \`repayment\` (\`tenant_id\`, \`repayment_date\`);`);
    this.addSql(`create index \`repayment_tenant_id_collector_id_repayment_date_index\` on \`repayment\` (\`tenant_id\`, \`collector_id\`, \`repayment_date\`);`);
    this.addSql(`create index \`repayment_tenant_id_case_id_repayment_date_index\` on \`repayment\` (\`tenant_id\`, \`case_id\`, \`repayment_date\`);`);
    this.addSql(`create unique index \`repayment_tenant_id_repayment_id_unique\` on \`repayment\` (\`tenant_id\`, \`repayment_id\`);`);

    this.addSql(`create table \`standard_field\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`field_key\` text not null, \`field_name\` text not null, \`field_name_en\` text null, \`field_type\` text not null, \`field_group_id\` integer null, \`is_required\` integer not null default false, \`is_extended\` integer not null default false, \`sort_order\` integer not null default 0, \`is_active\` integer not null default true);`);
    this.addSql(`create unique index \`standard_field_field_key_unique\` on \`standard_field\` (\`field_key\`);`);

    this.addSql(`create table \`system_config\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`config_key\` text not null, \`config_value\` json not null);`);
    this.addSql(`create index \`system_config_tenant_id_index\` on \`system_config\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`system_config_tenant_id_config_key_unique\` on \`system_config\` (\`tenant_id\`, \`config_key\`);`);

    this.addSql(`create table \`team\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`agency_id\` integer not null, \`team_group_id\` integer null, \`queue_id\` integer null, \`team_code\` text not null, \`team_name\` text not null, \`team_name_en\` text null, \`team_type\` text null, \`description\` text null, \`team_leader_id\` integer null, \`max_case_count\` integer not null default 0, \`is_active\` integer not null default true);`);
    this.addSql(`create index \`team_tenant_id_index\` on \`team\` (\`tenant_id\`);`);
    this.addSql(`create index \`team_tenant_id_team_group_id_index\` on \`team\` (\`tenant_id\`, \`team_group_id\`);`);
    this.addSql(`create index \`team_tenant_id_agency_id_index\` on \`team\` (\`tenant_id\`, \`agency_id\`);`);
    this.addSql(`create unique index \`team_tenant_id_team_code_unique\` on \`team\` (\`tenant_id\`, \`team_code\`);`);

    this.addSql(`create table \`team_group\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`agency_id\` integer not null, \`group_code\` text not null, \`group_name\` text not null, \`group_name_en\` text null, \`description\` text null, \`spv_id\` integer null, \`sort_order\` integer not null default 0, \`is_active\` integer not null default true);`);
    this.addSql(`create index \`team_group_tenant_id_index\` on \`team_group\` (\`tenant_id\`);`);
    this.addSql(`create index \`team_group_tenant_id_agency_id_index\` on \`team_group\` (\`tenant_id\`, \`agency_id\`);`);
    this.addSql(`create unique index \`team_group_tenant_id_group_code_unique\` on \`team_group\` (\`tenant_id\`, \`group_code\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`agency\`;`);
    this.addSql(`drop table if exists \`agency_working_hour\`;`);
    this.addSql(`drop table if exists \`case_assignment\`;`);
    this.addSql(`drop table if exists \`case_contact\`;`);
    this.addSql(`drop table if exists \`collection_case\`;`);
    this.addSql(`drop table if exists \`collector\`;`);
    this.addSql(`drop table if exists \`communication\`;`);
    this.addSql(`drop table if exists \`dead_letter\`;`);
    this.addSql(`drop table if exists \`field_display\`;`);
    this.addSql(`drop table if exists \`field_group\`;`);
    this.addSql(`drop table if exists \`foreign_ref\`;`);
    this.addSql(`drop table if exists \`outbox_event\`;`);
    this.addSql(`drop table if exists \`outbox_lease\`;`);
    this.addSql(`drop table if exists \`processed_event\`;`);
    this.addSql(`drop table if exists \`ptp\`;`);
    this.addSql(`drop table if exists \`quality_inspection\`;`);
    this.addSql(`drop table if exists \`case_queue\`;`);
    this.addSql(`drop table if exists \`queue_field_config\`;`);
    this.addSql(`drop table if exists \`repayment\`;`);
    this.addSql(`drop table if exists \`standard_field\`;`);
    this.addSql(`drop table if exists \`system_config\`;`);
    this.addSql(`drop table if exists \`team\`;`);
    this.addSql(`drop table if exists \`team_group\`;`);
  }

}
