create table entry (id identity primary key, item varchar(50));
